// Placeholder for the route: the profile helper's ProfilePage replaces this file at merge.
export function ProfilePage() {
  return <h1>הפרופיל שלי</h1>;
}
