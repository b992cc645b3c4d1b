/** The version of `@ruralkit/core` that plugins declare support for (kept equal to package.json). */
export const CORE_VERSION = '0.1.0';
