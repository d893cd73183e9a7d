/** Web Push through the push-only service worker: subscribe with the server's VAPID key,
 * hand the subscription to the server, and the reverse. */
import { ApiError, api } from "@/lib/api";

/** A VAPID key in base64url (what the server sends) → the bytes `applicationServerKey` takes. */
export function vapidKeyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function pushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function registration(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.ready;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  return (await registration()).pushManager.getSubscription();
}

export async function subscribePush(): Promise<PushSubscription> {
  if ((await Notification.requestPermission()) !== "granted") {
    throw new Error("הדפדפן חוסם התראות לאתר זה; אפשרו התראות בהגדרות הדפדפן");
  }
  const { public_key } = await api.get<{ public_key: string }>("/api/push/vapid-public-key");
  const manager = (await registration()).pushManager;
  const options = { userVisibleOnly: true, applicationServerKey: vapidKeyBytes(public_key) };
  let subscription = await manager.subscribe(options);
  try {
    await api.request("/api/push/subscriptions", { body: subscription.toJSON() });
  } catch (error) {
    // This browser's endpoint belongs to another user who signed in here before (a shared
    // PC): the server keeps it theirs, so take a fresh endpoint of our own.
    if (!(error instanceof ApiError && error.code === "endpoint_taken")) throw error;
    await subscription.unsubscribe();
    subscription = await manager.subscribe(options);
    await api.request("/api/push/subscriptions", { body: subscription.toJSON() });
  }
  return subscription;
}

export async function unsubscribePush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await api.request("/api/push/subscriptions", { method: "DELETE", body: { endpoint: subscription.endpoint } });
  await subscription.unsubscribe();
}
