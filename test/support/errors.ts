import assert from "node:assert/strict";
import { ImportError } from "../../src/import/errors.ts";

/** The ImportError a fetch or an import was expected to fail with; `what` names the step. */
export async function importErrorOf(promise: Promise<unknown>, what: string): Promise<ImportError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ImportError, `expected an ImportError, got ${String(error)}`);
    return error;
  }
  assert.fail(`${what} was expected to fail`);
}
