/** Runs once when the Next.js server starts: validates configuration and starts background services. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { refuseUnsupportedMethods } = await import("./server/http/refuse-unsupported-methods");
    refuseUnsupportedMethods();
    const { startBackgroundServicesOrExit } = await import("./server/boot");
    await startBackgroundServicesOrExit();
  }
}
