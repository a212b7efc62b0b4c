// Worker-thread entry: loads the TypeScript task module through tsx, the same way in the
// web server, the standalone worker and the tests.
import { tsImport } from "tsx/esm/api";

const loaded = await tsImport(process.env.CHRONOFRAME_THREAD_MODULE, import.meta.url);
const run = typeof loaded.default === "function" ? loaded.default : loaded.default.default;

export default run;
