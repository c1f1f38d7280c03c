import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useReducer, useRef } from "react";

/** What the save action answered, as a fetcher of that action holds it. */
type Answer<A> = ReturnType<typeof useFetcher<A>>["data"];

/** Where one question's answer stands: on its way, or what the last save of it was answered. */
export type SaveState<A> = { saving: true } | { saving: false; result: Answer<A> };

/**
 * The answers of one attempt, saved one at a time in the order they were changed, by the page
 * that holds every question (so a save outlives its question's form: 下一题 does not drop it).
 *
 * One at a time because two saves on their way together could commit in either order on a
 * connection pool, the older answer winning; and a second submission of one fetcher aborts the
 * first in the browser while the server may still apply it. The queue lives in refs, read and
 * written at the moment of a change: the fetcher's state only changes when React renders the
 * router's update, which Remix does in a transition, so a second tick moments after the first
 * could still read "idle" from a render and submit over the running save.
 *
 * `whenSaved` runs a callback once nothing is queued or on its way (handing the paper in after
 * its last answer is stored, not before).
 */
export function useAnswerSaves<A>(attemptId: number) {
  const fetcher = useFetcher<A>({ key: `quiz-answers-${attemptId}` });
  // questionId → the latest form of that question not sent yet (one per question: only the
  // latest of several quick changes needs to reach the server).
  const queued = useRef(new Map<string, FormData>());
  const sending = useRef<string | null>(null);
  const results = useRef(new Map<string, Answer<A>>());
  const then = useRef<(() => void) | null>(null);
  const [, render] = useReducer((n: number) => n + 1, 0);

  // The latest submit, so that sendNext (and the effect below) never changes: a rerun of the
  // effect while a save is on its way, on a render still showing the fetcher idle, would take
  // that save for returned and send the next beside it.
  const submit = useRef(fetcher.submit);
  submit.current = fetcher.submit;
  const sendNext = useCallback(() => {
    const next = queued.current.entries().next();
    if (next.done) {
      sending.current = null;
      const callback = then.current;
      then.current = null;
      callback?.();
      return;
    }
    const [questionId, body] = next.value;
    queued.current.delete(questionId);
    sending.current = questionId;
    submit.current(body, { method: "post" });
  }, []);

  // A save has come back when a render shows the fetcher idle again after sending it: with the
  // action's new answer, or (a request that failed) busy before. The render right after sending
  // may still show it idle with the previous answer; neither changed, so this does not run.
  useEffect(() => {
    const done = sending.current;
    if (fetcher.state !== "idle" || done === null) return;
    results.current.set(done, fetcher.data);
    sendNext();
    render();
  }, [fetcher.state, fetcher.data, sendNext]);

  return {
    change(questionId: string, body: FormData) {
      queued.current.delete(questionId);
      queued.current.set(questionId, body);
      if (sending.current === null) sendNext();
      render();
    },
    state(questionId: string): SaveState<A> {
      if (sending.current === questionId || queued.current.has(questionId)) return { saving: true };
      return { saving: false, result: results.current.get(questionId) };
    },
    whenSaved(callback: () => void) {
      if (sending.current === null && queued.current.size === 0) callback();
      else then.current = callback;
    },
  };
}
