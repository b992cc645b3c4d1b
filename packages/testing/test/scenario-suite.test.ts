// scenarioSuite reads relative folders from the calling test file, wherever vitest starts: this
// file's `./suite` folder is found although vitest runs from the repository root.
import { it, expect } from 'vitest';
import { scenarioSuite } from '@ruralkit/testing/vitest';
import { findScenarioFiles, ScenarioFileError } from '@ruralkit/testing';

scenarioSuite('a folder relative to the test file', ['./suite']);

it('a missing folder is "not found", in Chinese and English, naming it', () => {
  expect(() => findScenarioFiles(['no-such-folder'])).toThrow(ScenarioFileError);
  expect(() => findScenarioFiles(['no-such-folder'])).toThrow(
    /找不到场景文件或文件夹 \/ scenario file or folder not found: .*no-such-folder/,
  );
});
