import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder at or above `start` that holds package.json. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}`);
  }
}

/**
 * The project's folder, found from this module whether it runs from source (db/, under tsx or
 * vitest) or bundled into build/server/index.js: files read at run time (db/migrations, public/,
 * the Remix build) are located from here, never from the importing file's own depth.
 * It lives in db/ because db/ is the lowest layer that reads such files (ADR 016).
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
