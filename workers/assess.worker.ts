#!/usr/bin/env node
// The assess stage's workers as a process of their own: node workers/assess.worker.ts [--config FILE]
import { runStageProcess } from '../src/runtime/run-stage-process.ts';

await runStageProcess('assess');
