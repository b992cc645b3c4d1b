/**
 * NDJSON streams (逐行 JSON): lines read from a request in bounded memory, one record at a time,
 * and results written as they are judged. A line longer than the limit is refused, not buffered.
 */
import { StringDecoder } from 'node:string_decoder';
import { httpMessage, httpText } from './locales/index.js';
import { HttpProblem } from './problem.js';

/** The lines of `source`, numbered from 1; blank lines are skipped (their numbers still count). */
export async function* readLines(
  source: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<{ line: number; text: string }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  const tooLong = () =>
    new HttpProblem('payload-too-large', httpText(httpMessage('title.line-too-long', {})), {
      detail: httpText(httpMessage('ndjson.line-too-long', { line: line + 1, max: maxLineBytes })),
    });
  for await (const chunk of source) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      line += 1;
      const text = pending.slice(start, end).trim();
      if (end - start > maxLineBytes) throw tooLong();
      if (text) yield { line, text };
      start = end + 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLineBytes) throw tooLong();
  }
  pending += decoder.end();
  line += 1;
  if (pending.trim()) yield { line, text: pending.trim() };
}
