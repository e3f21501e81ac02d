/** Where a device reports what it does and what it ignored (malformed input, refused requests). One line per call. */
export type Log = (line: string) => void;

export const silent: Log = () => undefined;
