#!/usr/bin/env node
// The replies stage's workers as a process of their own: node workers/replies.worker.ts [--config FILE]
import { runStageProcess } from '../src/runtime/run-stage-process.ts';

await runStageProcess('replies');
