/**
 * Deadlines the CLI fires (到期处理): the line each overdue deadline is told with — the instance
 * and deadline ids, the due date and the units to escalate to, never personal data — for
 * `workflow tick`, `workflow run` and `serve`; and `--tick-every`, how often a ticker beats.
 */
import type { OverdueNotice } from '@ruralkit/core';
import { secondsOption } from './io.js';
import { cliMessage, inEnglish, label } from './locales/index.js';

/** One overdue deadline, as a line. */
export const overdueLine = ({ instanceId, deadline }: OverdueNotice): string =>
  inEnglish(
    cliMessage('deadline.overdue', {
      instance: instanceId,
      deadline: deadline.id,
      due: deadline.due,
      escalateTo: deadline.escalateTo,
    }),
  );

/** `--tick-every SECONDS` (default one minute), in milliseconds; a usage error names the option. */
export const tickEveryMs = (command: string, value: unknown): number =>
  (secondsOption(command, 'tick-every', value) ?? 60) * 1000;

/** What a failed beat says: the tenant and the error's message (store errors, never an instance's data). */
export const tickFailure = (error: unknown, tenant?: string): string =>
  `ruralkit: ${label('deadlines.failed')}${tenant ? inEnglish(cliMessage('deadline.tenant', { tenant })) : ''}: ${(error as Error)?.message ?? String(error)}\n`;
