import "server-only";
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

/**
 * Selects TensorFlow.js's WebAssembly backend (tfjs-node cannot be installed here, and
 * WASM is several times faster than the pure-JS CPU backend). Call once before training
 * or predicting with a neural net; later calls are free. Production mode skips debug
 * checks and the console banner suggesting tfjs-node (printed when a CNN trains on the
 * CPU backend, which has the convolution gradients the WASM backend lacks).
 */
let ready: Promise<void> | null = null;

export function selectWasmBackend(): Promise<void> {
  ready ??= (async () => {
    tf.enableProdMode();
    if (!(await tf.setBackend("wasm"))) throw new Error("the TensorFlow.js WebAssembly backend could not start");
    await tf.ready();
  })();
  return ready;
}
