/**
 * The stand-in's document system: an iPart zip uploaded to `$/ContentItems` is unpacked the
 * way the profile's iMIS version unpacks it (profiles.ts), under `<Areas|iPartSource>/<zip
 * name without .zip>/`, keeping only files whose extension iMIS allows (anything else, a
 * README.txt included, is dropped). iMIS 2017's unpacker writes each file into a folder it
 * created only for a folder entry of the zip, so a zip without folder entries fails there.
 */
import { IMIS_ALLOWED_EXTENSIONS } from '../packaging/ipart-layout.ts';
import { CONTENT_ITEMS_FOLDER, type ImisProfile } from './profiles.ts';

export interface Installed {
  folder: string;
  installed: string[];
  dropped: string[];
}

export class BadUpload extends Error {}

export class DocumentSystem {
  private readonly files = new Map<string, Uint8Array>();

  constructor(private readonly profile: ImisProfile) {}

  async installZip(fileName: string, zip: Uint8Array, documentFolder: string = CONTENT_ITEMS_FOLDER): Promise<Installed> {
    const match = /^([A-Za-z0-9._-]+)\.zip$/i.exec(fileName);
    if (!match) throw new BadUpload(`"${fileName}" is not a zip file name (letters, digits, . _ - and ending in .zip).`);
    if (documentFolder.replace(/\/+$/, '').toLowerCase() !== CONTENT_ITEMS_FOLDER.toLowerCase()) {
      throw new BadUpload(`${fileName} was stored in ${documentFolder}: iMIS installs iPart zips only from ${CONTENT_ITEMS_FOLDER}.`);
    }
    // fflate is a development dependency: loaded only when a demo actually uploads a zip.
    const { unzipSync } = await import('fflate');
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(zip);
    } catch {
      throw new BadUpload(`${fileName} could not be unpacked: it is not a valid zip file.`);
    }
    const folder = `${this.profile.unpackRoot}/${match[1]}/`;
    const created = new Set(Object.keys(entries).filter((path) => path.endsWith('/')));
    const result: Installed = { folder, installed: [], dropped: [] };
    const unpacked = new Map<string, Uint8Array>();
    for (const [path, data] of Object.entries(entries)) {
      if (path.endsWith('/')) continue;
      const safe = path.split('/').every((part) => part && part !== '..' && part !== '.');
      const extension = /\.[^./]+$/.exec(path)?.[0].toLowerCase() ?? '';
      if (!safe || !(IMIS_ALLOWED_EXTENSIONS as readonly string[]).includes(extension)) {
        result.dropped.push(path);
        continue;
      }
      const parent = path.slice(0, path.lastIndexOf('/') + 1);
      if (this.profile.needsFolderEntries && parent && !created.has(parent)) {
        throw new BadUpload(
          `${fileName} could not be installed: Could not find a part of the path '~/${folder}${path}' (the zip has no entry for the folder ${parent}).`,
        );
      }
      unpacked.set((folder + path).toLowerCase(), data);
      result.installed.push(folder + path);
    }
    for (const [path, data] of unpacked) this.files.set(path, data);
    return result;
  }

  /** A file by its path under the application root ("Areas/…", "iPartSource/…"), as IIS would, case-insensitively. */
  read(path: string): Uint8Array | undefined {
    return this.files.get(path.replace(/^~?\/+/, '').toLowerCase());
  }
}
