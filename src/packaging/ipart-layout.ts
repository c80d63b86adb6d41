/**
 * Where the iPart's files sit once iMIS has unpacked its zip, shared by the package, README's
 * steps and the iMIS stand-in. The zip is named `gift-entry-ipart.zip` and holds one folder,
 * `GiftEntry/` (with its own folder entry: iMIS 2017's unpacker creates no folder without one).
 * iMIS unpacks it under a folder named after the zip, and the root of that depends on the version:
 * - iMIS 2017: `~/Areas/<zip name>/` (ASI's 2017-era samples load their scripts from `~/Areas/…`:
 *   Advsol/Asi.Web.iPart.Html Examples/innov/JsonDemo/index.html);
 * - later versions (EMS, Cloud): `~/iPartSource/<zip name>/` (Advsol/Angular-settings-demo README,
 *   `--deployUrl=~/iPartSource/[zipfileName]/[foldername]`).
 */
export const IPART_ZIP_NAME = 'gift-entry-ipart';
export const IPART_FOLDER = 'GiftEntry';
export const IPART_LAYOUTS = ['iPartSource', 'Areas'] as const;
export type IpartLayout = (typeof IPART_LAYOUTS)[number];

/** The unpacked folder, `~`-rooted as content type URLs are given. */
export const ipartRoot = (layout: IpartLayout) => `~/${layout}/${IPART_ZIP_NAME}/${IPART_FOLDER}/`;
/** The content type's URL (the file that displays the content) and Configuration URL. */
export const ipartDisplayUrl = (layout: IpartLayout) => `${ipartRoot(layout)}index.html`;
export const ipartConfigurationUrl = (layout: IpartLayout) => `${ipartRoot(layout)}configure.html`;

/** What iMIS keeps of an uploaded zip by default; anything else is dropped. */
export const IMIS_ALLOWED_EXTENSIONS = ['.js', '.html', '.htm', '.css', '.json', '.map', '.ts'] as const;
