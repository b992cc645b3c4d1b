/**
 * @ruralkit/core/node — what reads and writes files on Node (文件): the keyring of personal data
 * in a file, and plugin files (YAML or JSON data, or code modules). The main entry reads no files.
 * @packageDocumentation
 */
export { fileKeys, KeyFileError } from './node/key-file.js';
export { isCodePlugin, loadPlugin, loadPlugins, type LoadPluginOptions } from './node/plugin-files.js';
