// Types for the one class the status-list test uses from @digitalbazaar/bitstring (it ships none).
declare module '@digitalbazaar/bitstring' {
  export class Bitstring {
    constructor(options: { length?: number; buffer?: Uint8Array; leftToRightIndexing?: boolean });
    get(position: number): boolean;
    set(position: number, on: boolean): void;
    encodeBits(): Promise<string>;
    static decodeBits(options: { encoded: string }): Promise<Uint8Array>;
  }
}
