/** Screens whose issues are still to come; the entry and its URL exist already. */
export function PlaceholderPage({ label }: { label: string }) {
  return (
    <section className="placeholder">
      <p className="banner banner--info" role="status">
        {label} is not available yet in this version of the console.
      </p>
    </section>
  );
}
