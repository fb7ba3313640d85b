import QRCode from 'qrcode';
import { qrOptions } from './qr-options';

/**
 * The verification QR as SVG, with whole pixels per module at DPR 1 (4 px), so a screenshot or a
 * phone camera sees sharp modules. The certificate page loads this (and the encoder) only when a
 * certificate is shown.
 */
export async function drawQr(url: string): Promise<{ svg: string; version: number }> {
  const options = qrOptions(url);
  const symbol = QRCode.create(url, options);
  const svg = await QRCode.toString(url, { ...options, width: (symbol.modules.size + 2 * options.margin!) * 4 });
  return { svg, version: symbol.version };
}
