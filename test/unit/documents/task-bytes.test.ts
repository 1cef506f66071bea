import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { attachBytes, ByteIntake, detachBytes } from '../../../src/documents/task-bytes.ts';

describe('a task’s bytes beside its message', () => {
  it('takes the bytes out of the task and puts them back', () => {
    const bytes = Buffer.from('%PDF-1.7');
    const { task, bytes: detached } = detachBytes({ bytes, hint: { filename: 'cv.pdf' } });
    expect(task).toEqual({ hint: { filename: 'cv.pdf' } });
    expect(detached).toBe(bytes);
    expect(attachBytes(task, bytes)).toEqual({ bytes, hint: { filename: 'cv.pdf' } });
  });

  it('leaves a task without a byte array as it is', () => {
    const task = { bytes: 'not bytes', other: 1 };
    expect(detachBytes(task)).toEqual({ task, bytes: null });
    expect(detachBytes('text')).toEqual({ task: 'text', bytes: null });
  });

  it('gives each task exactly its bytes, however the pipe cuts them and whenever they arrive', async () => {
    const pipe = new PassThrough();
    const intake = new ByteIntake(pipe);
    // The first task's bytes and the start of the second's arrive before anyone asks for them.
    pipe.write(Buffer.from('first-'));
    pipe.write(Buffer.from('task|sec'));
    await new Promise((resolve) => setImmediate(resolve));
    const first = await intake.take('first-task|'.length);
    expect(first.toString()).toBe('first-task|');
    const second = intake.take('second|'.length);
    pipe.write(Buffer.from('on'));
    pipe.write(Buffer.from('d|third'));
    expect((await second).toString()).toBe('second|');
    expect((await intake.take(5)).toString()).toBe('third');
    expect((await intake.take(0)).length).toBe(0);
  });

  it('refuses a second request while the first is waiting', async () => {
    const intake = new ByteIntake(new PassThrough());
    void intake.take(4);
    await expect(intake.take(4)).rejects.toThrow('at once');
  });
});
