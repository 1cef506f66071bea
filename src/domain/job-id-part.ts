/** A value made safe as part of a BullMQ job id, which may not contain ':' ('.' separates the parts). */
export function jobIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}
