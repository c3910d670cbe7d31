/**
 * The server's production build: server/index.ts and everything it imports from this repository
 * (server/, db/, i18n/, JSON locales) bundled by esbuild into one ES module, build/server/index.js.
 * npm packages stay external and load from node_modules as they are; files read at run time
 * (db/migrations, public/, the Remix build in build/index.js) are found from the project root
 * (db/project-root.ts). Part of `npm run build`, after `remix build`. ADR 016.
 * Plain JavaScript run by node, so the build needs no TypeScript loader (and no second esbuild).
 */
import { build, stop } from "esbuild";

const result = await build({
  entryPoints: ["server/index.ts"],
  outfile: "build/server/index.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes ?? 0;
console.log(`server bundle: build/server/index.js (${Math.round(bytes / 1024)} KB)`);
// Stop esbuild's helper process now rather than leave it to notice that node has exited.
await stop();
