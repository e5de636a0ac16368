import { randomUUID } from "node:crypto";
import { link, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { ImportError } from "./errors.ts";

/** Where removed articles go: inside the knowledge folder, never loaded (the loader skips dot folders). */
export const REMOVED_FOLDER = ".removed";

/**
 * Writes a new article in one step: a hidden temporary file, then a link to its final name, which
 * fails rather than overwrite. A reader or a folder watcher sees no file or the whole file.
 */
export async function writeArticleAtomically(
  knowledgeDir: string,
  fileName: string,
  markdown: string,
): Promise<string> {
  const target = path.join(knowledgeDir, fileName);
  const temporary = path.join(knowledgeDir, `.import-${randomUUID()}.tmp`);
  await writeFile(temporary, markdown, { flag: "wx" });
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      throw new ImportError(`${fileName} is already in the knowledge folder; nothing was written`);
    }
    // A file system without hard links (some shared volumes): rename, after checking the name is free.
    if (!(await exists(target))) {
      await rename(temporary, target);
      return target;
    }
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return target;
}

/** Moves an article into `.removed/` (kept, never loaded); returns its new path. */
export async function moveToRemoved(knowledgeDir: string, file: string): Promise<string> {
  const source = path.resolve(knowledgeDir, file);
  if (path.relative(knowledgeDir, source).startsWith("..")) {
    throw new ImportError(`${file} is not inside the knowledge folder`);
  }
  const removedDir = path.join(knowledgeDir, REMOVED_FOLDER, path.dirname(file));
  await mkdir(removedDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const target = path.join(removedDir, `${stamp}-${path.basename(file)}`);
  await rename(source, target);
  return target;
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
