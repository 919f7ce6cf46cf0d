/**
 * Request/response where only the newest request counts: a reply to an older request is dropped, so a
 * slow evaluation can never overwrite the figures of a newer form state.
 */
export interface LatestOnly<Q> {
  request(query: Q): void;
  /** Forget outstanding requests (their replies will be dropped). */
  cancel(): void;
}

export function latestOnly<Q, R>(
  send: (query: Q) => Promise<R>,
  onReply: (reply: R, query: Q) => void,
  onFailure: (error: unknown, query: Q) => void,
): LatestOnly<Q> {
  let sequence = 0;
  return {
    request(query) {
      const mine = ++sequence;
      let sent: Promise<R>;
      try {
        sent = send(query);
      } catch (error) {
        sent = Promise.reject(error);
      }
      sent.then(
        (reply) => {
          if (mine === sequence) onReply(reply, query);
        },
        (error: unknown) => {
          if (mine === sequence) onFailure(error, query);
        },
      );
    },
    cancel() {
      sequence++;
    },
  };
}
