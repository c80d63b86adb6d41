/**
 * The stand-in's document system: an uploaded iPart zip is unpacked the way iMIS unpacks
 * it, under `iPartSource/<zip name without .zip>/`, keeping only files whose extension is
 * on the allowed list (anything else, a README.txt included, is dropped).
 */
import { IMIS_ALLOWED_EXTENSIONS } from '../packaging/ipart-files.ts';

export interface Installed {
  folder: string;
  installed: string[];
  dropped: string[];
}

export class BadUpload extends Error {}

export class DocumentSystem {
  private readonly files = new Map<string, Uint8Array>();

  async installZip(fileName: string, zip: Uint8Array): Promise<Installed> {
    const match = /^([A-Za-z0-9._-]+)\.zip$/i.exec(fileName);
    if (!match) throw new BadUpload(`"${fileName}" is not a zip file name (letters, digits, . _ - and ending in .zip).`);
    // fflate is a development dependency: loaded only when a demo actually uploads a zip.
    const { unzipSync } = await import('fflate');
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(zip);
    } catch {
      throw new BadUpload(`${fileName} could not be unpacked: it is not a valid zip file.`);
    }
    const folder = `iPartSource/${match[1]}/`;
    const result: Installed = { folder, installed: [], dropped: [] };
    for (const [path, data] of Object.entries(entries)) {
      if (path.endsWith('/')) continue;
      const safe = path.split('/').every((part) => part && part !== '..' && part !== '.');
      const extension = /\.[^./]+$/.exec(path)?.[0].toLowerCase() ?? '';
      if (!safe || !(IMIS_ALLOWED_EXTENSIONS as readonly string[]).includes(extension)) {
        result.dropped.push(path);
        continue;
      }
      this.files.set((folder + path).toLowerCase(), data);
      result.installed.push(folder + path);
    }
    return result;
  }

  /** A file by its path under the application root ("iPartSource/…"), as IIS would, case-insensitively. */
  read(path: string): Uint8Array | undefined {
    return this.files.get(path.replace(/^~?\/+/, '').toLowerCase());
  }
}
