/**
 * `npm run bench:bundle [routeId...]`: the compressed JavaScript a first visit downloads, per page,
 * and the biggest files of each, from the current build (public/build; `npm run build` first).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measurePage, readManifest } from "./bench/bundle-measure";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_ROUTES = [
  "routes/initiatives.$initiativeId",
  "routes/networks.$networkId",
  "routes/firms._index",
  "routes/needs.$needId",
  "routes/login",
];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const manifest = readManifest(ROOT);
const routes = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_ROUTES;
for (const routeId of routes) {
  const page = measurePage(ROOT, manifest, routeId);
  console.log(`${routeId}: ${page.files.length} files, ${kb(page.gzip)} gzip (${kb(page.raw)} unpacked)`);
  for (const file of page.files.slice(0, 6)) console.log(`  ${kb(file.gzip).padStart(9)}  ${file.file}`);
}
