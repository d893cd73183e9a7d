/** The AgentLocator mark (a pin on the primary blue), the same drawing as public/favicon.svg. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="var(--color-primary)" />
      <path d="M32 11c-8.8 0-15.8 6.8-15.8 15.4C16.2 38 32 53 32 53s15.8-15 15.8-26.6C47.8 17.8 40.8 11 32 11z"
        fill="var(--color-primary-contrast)" />
      <circle cx="32" cy="26.5" r="6.4" fill="var(--color-primary)" />
    </svg>
  );
}
