import { defineConfig } from 'tsup';
import { library } from '../../tsup.base.js';

// Two entries: the main one; `@ruralkit/xlsx/csv`, the batch's CSV records without exceljs.
export default defineConfig({ ...library, entry: ['src/index.ts', 'src/csv.ts'] });
