// JX_BUILD_NAME lets several builds live side by side (e.g. parallel e2e runs on one
// machine); by default the build goes to build/ and public/build/.
const name = process.env.JX_BUILD_NAME || "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverBuildPath: `${name}/index.js`,
  assetsBuildDirectory: `public/${name}`,
  publicPath: `/${name}/`,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
