import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  // Native/WASM and worker-thread packages must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "piscina",
    "tsx",
    "@tus/server",
    "@tus/file-store",
    "@tus/s3-store",
    "apache-arrow",
    "pusher",
  ],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (`npm run typecheck`); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

export default withNextIntl(nextConfig);
