/** The report's look (版式): status colours and the CJK font stack, shared by CSS and charts. */
import type { Status } from '@ruralkit/core';

export const STATUS_COLOUR: Record<Status, string> = {
  met: '#2e7d32',
  'not-met': '#c62828',
  pending: '#e0a100',
  'not-applicable': '#9e9e9e',
  'missing-data': '#7e57c2',
};

/** The target line and the due-year line of a chart, and their legend. */
export const TARGET_COLOUR = '#c62828';
export const DUE_COLOUR = '#555555';

/** Common Chinese fonts on Windows, macOS and Linux, then the generic family. */
export const FONT_STACK =
  "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";
