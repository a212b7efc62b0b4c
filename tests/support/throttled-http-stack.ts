import { Readable, Transform } from "node:stream";
import { DefaultHttpStack, type HttpRequest } from "tus-js-client";

/** Passes bytes on at about `bytesPerSecond`, as a slow line would. */
function throttle(bytesPerSecond: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      setTimeout(() => done(null, chunk), (chunk.length / bytesPerSecond) * 1000);
    },
  });
}

/** tus-js-client's Node HTTP stack with request bodies sent at a limited rate, so an upload is mid-transfer for a while. */
export class ThrottledHttpStack extends DefaultHttpStack {
  constructor(private readonly bytesPerSecond: number) {
    super({});
  }

  override createRequest(method: string, url: string): HttpRequest {
    const request = super.createRequest(method, url);
    const send = request.send.bind(request);
    request.send = (body: unknown) => {
      if (!(body instanceof Readable)) return send(body);
      // The stack sets Content-Length from the slice's size.
      return send(Object.assign(body.pipe(throttle(this.bytesPerSecond)), { size: (body as Readable & { size?: number }).size }));
    };
    return request;
  }
}
