/** The Changjiang procedures' words (措辞), as their definitions carry them (`WorkflowDefinition.words`). */
import { deepFreeze } from '../../../../model/freeze.js';
import { en } from './en.js';
import { zh } from './zh.js';

export const CHANGJIANG_WORDS = deepFreeze({ zh, en } as const);
