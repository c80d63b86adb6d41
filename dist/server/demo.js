// src/demo/routes.ts
import { readFile as readFile2 } from "node:fs/promises";
import { extname, join as join3 } from "node:path";
import { Hono as Hono5 } from "hono";

// src/checkout-paths.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}
var CHECKOUT_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
var WIDGET_BUNDLE = join(CHECKOUT_ROOT, "dist", "gift-entry.js");
var DEMO_DIR = join(CHECKOUT_ROOT, "src", "demo");
var IPART_DIR = join(CHECKOUT_ROOT, "ipart");

// src/imis-standin/profiles.ts
var IMIS_PROFILES = ["EMS", "2017"];
var PROFILES = {
  EMS: {
    name: "EMS",
    unpackRoot: "iPartSource",
    needsFolderEntries: false,
    contentItemApi: true,
    contentTypeSettingsApi: false,
    staticCache: "no-cache",
    ignoredFilters: []
  },
  "2017": {
    name: "2017",
    unpackRoot: "Areas",
    needsFolderEntries: true,
    contentItemApi: false,
    contentTypeSettingsApi: true,
    staticCache: "public, max-age=172800",
    ignoredFilters: ["name"]
  }
};
var CONTENT_ITEMS_FOLDER = "$/ContentItems";
function parseProfile(value) {
  if (value === void 0 || value.trim() === "") return PROFILES.EMS;
  const found = IMIS_PROFILES.find((name) => name.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new Error(`IMIS_STANDIN_PROFILE must be one of ${IMIS_PROFILES.join(", ")}; it is "${value}".`);
  return PROFILES[found];
}

// src/imis-standin/routes.ts
import { Hono as Hono4 } from "hono";

// src/imis-standin/rest-routes.ts
import { Hono } from "hono";

// src/contract/imis-party.ts
var IMIS_API = {
  partySummary: "api/PartySummary",
  party: "api/Party",
  /** A placed content item, its `Data.Settings` the placement's settings (Advsol/Innovations2019-settings-demo src/app). */
  contentItem: "api/ContentItem",
  /** The same settings as iMIS 2017 serves them, `Settings` on the item itself (Advsol/Asi.Web.iPart.Html app/core). */
  contentTypeSettings: "api/ContentTypeSettings"
};
var IMIS_VERIFICATION_HEADER = "RequestVerificationToken";

// src/imis-standin/party-search.ts
var PEOPLE = [
  { id: "101", firstName: "Ada", lastName: "Lovelace", email: "ada@example.org", city: "London" },
  { id: "102", firstName: "Byron", lastName: "Lovelace", email: "byron@example.org", city: "London" },
  { id: "103", firstName: "Grace", lastName: "Hopper", email: "grace@example.org", city: "Arlington" },
  { id: "104", firstName: "Alan", lastName: "Turing", email: "alan@example.org", city: "Manchester" },
  { id: "105", firstName: "Katherine", lastName: "Johnson", email: "katherine@example.org", city: "Hampton" },
  { id: "200", organizationName: "Acme Foundation", email: "giving@acme.example", city: "Springfield" },
  ...Array.from({ length: 24 }, (_, i) => ({
    id: String(300 + i),
    firstName: "Sam",
    lastName: `Smith${i === 0 ? "" : ` ${i + 1}`}`,
    email: `sam${i}@example.org`,
    city: "Springfield"
  }))
];
var nameOf = (p) => p.organizationName ?? `${p.firstName} ${p.lastName}`;
var summaryOf = (p) => ({
  PartyId: p.id,
  Id: p.id,
  Name: nameOf(p),
  Email: p.email,
  CityName: p.city,
  Status: { PartyStatusId: "A", Name: "Active Record" }
});
var SAMPLE_CONTACTS = PEOPLE.map(summaryOf);
var FIELDS = {
  firstname: (p) => p.firstName ?? "",
  lastname: (p) => p.lastName ?? "",
  name: nameOf,
  email: (p) => p.email,
  cityname: (p) => p.city,
  id: (p) => p.id
};
var PAGING = /* @__PURE__ */ new Set(["limit", "offset"]);
function matches(value, filter) {
  const [operator, ...rest] = filter.includes(":") ? filter.split(":") : ["eq", filter];
  const wanted = rest.join(":").toLowerCase();
  const actual = value.toLowerCase();
  if (operator === "startsWith") return actual.startsWith(wanted);
  if (operator === "contains") return actual.includes(wanted);
  return actual === wanted;
}
var UnknownFilter = class extends Error {
};
function searchParties(query, ignored = []) {
  let found = [...PEOPLE];
  for (const [name, filter] of query) {
    if (PAGING.has(name.toLowerCase()) || ignored.includes(name.toLowerCase())) continue;
    const field = FIELDS[name.toLowerCase()];
    if (!field) throw new UnknownFilter(`In the query, ${name} is not a known property name.`);
    found = found.filter((party) => matches(field(party), filter));
  }
  const offset = Number(query.get("offset") ?? 0) || 0;
  const limit = Math.min(Number(query.get("limit") ?? 100) || 100, 500);
  const page = found.slice(offset, offset + limit).map(summaryOf);
  return {
    Items: { $values: page },
    Offset: offset,
    Limit: limit,
    Count: page.length,
    TotalCount: found.length,
    HasNext: offset + page.length < found.length,
    NextOffset: offset + page.length
  };
}
function partySummary(id) {
  const party = PEOPLE.find((p) => p.id === id);
  return party && summaryOf(party);
}
function partyRecord(id) {
  const party = PEOPLE.find((p) => p.id === id);
  if (!party) return void 0;
  const emails = { $values: [{ Address: party.email, EmailType: "_Primary", IsPrimary: true }] };
  return party.organizationName ? { PartyId: party.id, Id: party.id, Name: nameOf(party), OrganizationName: party.organizationName, Emails: emails } : {
    PartyId: party.id,
    Id: party.id,
    Name: nameOf(party),
    PersonName: { FirstName: party.firstName, LastName: party.lastName },
    Emails: emails
  };
}

// src/imis-standin/rest-routes.ts
var DEMO_VERIFICATION_TOKEN = "demo-verification-token";
var denied = (c) => c.json({ Message: "Authorization has been denied for this request." }, 401);
var notFound = (c) => c.json({ Message: "Not found" }, 404);
var signedIn = (c) => c.req.header(IMIS_VERIFICATION_HEADER) === DEMO_VERIFICATION_TOKEN;
function imisRestRoutes(content, profile = PROFILES.EMS) {
  const app = new Hono();
  app.get(`/${IMIS_API.partySummary}`, (c) => {
    if (!signedIn(c)) return denied(c);
    try {
      return c.json(searchParties(new URL(c.req.url).searchParams, profile.ignoredFilters));
    } catch (error) {
      if (error instanceof UnknownFilter) return c.json({ Message: error.message }, 400);
      throw error;
    }
  });
  app.get(`/${IMIS_API.partySummary}/:id`, (c) => {
    if (!signedIn(c)) return denied(c);
    const found = partySummary(c.req.param("id"));
    return found ? c.json(found) : notFound(c);
  });
  app.get(`/${IMIS_API.party}/:id`, (c) => {
    if (!signedIn(c)) return denied(c);
    const found = partyRecord(c.req.param("id"));
    return found ? c.json(found) : notFound(c);
  });
  if (!content) return app;
  const placed = (c) => content.find(c.req.query("contentKey"), c.req.query("contentItemKey"));
  if (profile.contentItemApi) {
    app.get(`/${IMIS_API.contentItem}`, (c) => {
      if (!signedIn(c)) return denied(c);
      const item = placed(c);
      if (!item) return notFound(c);
      const data = {
        ContentKey: item.contentKey,
        ContentItemKey: item.contentItemKey,
        ContentTypeKey: item.contentType.key,
        Settings: item.settings ? JSON.parse(item.settings) : {}
      };
      return c.json({
        Items: { $values: [{ $type: "Asi.Soa.Core.DataContracts.ContentItemData, Asi.Contracts", Data: data }] },
        Offset: 0,
        Limit: 100,
        Count: 1,
        TotalCount: 1,
        HasNext: false,
        NextOffset: 0
      });
    });
  }
  if (profile.contentTypeSettingsApi) {
    app.get(`/${IMIS_API.contentTypeSettings}`, (c) => {
      if (!signedIn(c)) return denied(c);
      const item = placed(c);
      if (!item) return notFound(c);
      return c.json({
        ContentKey: item.contentKey,
        ContentItemKey: item.contentItemKey,
        ContentTypeKey: item.contentType.key,
        Settings: item.settings
      });
    });
  }
  return app;
}

// src/imis-standin/site-routes.ts
import { readFile } from "node:fs/promises";
import { join as join2 } from "node:path";
import { Hono as Hono2 } from "hono";

// src/packaging/ipart-layout.ts
var IPART_ZIP_NAME = "gift-entry-ipart";
var IPART_FOLDER = "GiftEntry";
var ipartRoot = (layout) => `~/${layout}/${IPART_ZIP_NAME}/${IPART_FOLDER}/`;
var ipartDisplayUrl = (layout) => `${ipartRoot(layout)}index.html`;
var ipartConfigurationUrl = (layout) => `${ipartRoot(layout)}configure.html`;
var IMIS_ALLOWED_EXTENSIONS = [".js", ".html", ".htm", ".css", ".json", ".map", ".ts"];

// src/imis-standin/content-items.ts
import { randomUUID } from "node:crypto";
var ContentItems = class {
  /** The staff page's own content record. */
  pageContentKey = randomUUID();
  types = /* @__PURE__ */ new Map();
  placed = [];
  registerType(name, displayUrl, configurationUrl) {
    const type = { key: randomUUID(), name, displayUrl, configurationUrl };
    this.types.set(type.key, type);
    return type;
  }
  place(contentTypeKey) {
    const contentType = this.types.get(contentTypeKey);
    if (!contentType) return void 0;
    const item = { contentKey: this.pageContentKey, contentItemKey: randomUUID(), contentType, settings: "" };
    this.placed.push(item);
    return item;
  }
  find(contentKey, contentItemKey) {
    return this.placed.find(
      (item) => item.contentItemKey === contentItemKey && (contentKey === void 0 || item.contentKey === contentKey)
    );
  }
};

// src/imis-standin/document-system.ts
var BadUpload = class extends Error {
};
var DocumentSystem = class {
  constructor(profile) {
    this.profile = profile;
  }
  profile;
  files = /* @__PURE__ */ new Map();
  async installZip(fileName, zip, documentFolder = CONTENT_ITEMS_FOLDER) {
    const match = /^([A-Za-z0-9._-]+)\.zip$/i.exec(fileName);
    if (!match) throw new BadUpload(`"${fileName}" is not a zip file name (letters, digits, . _ - and ending in .zip).`);
    if (documentFolder.replace(/\/+$/, "").toLowerCase() !== CONTENT_ITEMS_FOLDER.toLowerCase()) {
      throw new BadUpload(`${fileName} was stored in ${documentFolder}: iMIS installs iPart zips only from ${CONTENT_ITEMS_FOLDER}.`);
    }
    const { unzipSync } = await import("fflate");
    let entries;
    try {
      entries = unzipSync(zip);
    } catch {
      throw new BadUpload(`${fileName} could not be unpacked: it is not a valid zip file.`);
    }
    const folder = `${this.profile.unpackRoot}/${match[1]}/`;
    const created = new Set(Object.keys(entries).filter((path) => path.endsWith("/")));
    const result = { folder, installed: [], dropped: [] };
    const unpacked = /* @__PURE__ */ new Map();
    for (const [path, data] of Object.entries(entries)) {
      if (path.endsWith("/")) continue;
      const safe = path.split("/").every((part) => part && part !== ".." && part !== ".");
      const extension = /\.[^./]+$/.exec(path)?.[0].toLowerCase() ?? "";
      if (!safe || !IMIS_ALLOWED_EXTENSIONS.includes(extension)) {
        result.dropped.push(path);
        continue;
      }
      const parent = path.slice(0, path.lastIndexOf("/") + 1);
      if (this.profile.needsFolderEntries && parent && !created.has(parent)) {
        throw new BadUpload(
          `${fileName} could not be installed: Could not find a part of the path '~/${folder}${path}' (the zip has no entry for the folder ${parent}).`
        );
      }
      unpacked.set((folder + path).toLowerCase(), data);
      result.installed.push(folder + path);
    }
    for (const [path, data] of unpacked) this.files.set(path, data);
    return result;
  }
  /** A file by its path under the application root ("Areas/…", "iPartSource/…"), as IIS would, case-insensitively. */
  read(path) {
    return this.files.get(path.replace(/^~?\/+/, "").toLowerCase());
  }
};

// src/imis-standin/page-assembly.ts
function pasteFragment(html, appPath, placement) {
  return html.replace(/(<script\b[^>]*?\ssrc\s*=\s*["']?)~\//gi, `$1${appPath}`).replace(/(<link\b[^>]*?\shref\s*=\s*["']?)~\//gi, `$1${appPath}`).replaceAll("[x-contentKey]", placement.contentKey).replaceAll("[x-contentItemKey]", placement.contentItemKey);
}
var escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[c]};`);
function imisPage(parts) {
  const { appPath, title } = parts;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} \u2013 iMIS (stand-in)</title>
  <link rel="stylesheet" href="${appPath}App_Themes/Default/theme.css">
</head>
<body>
<form method="post" action="${escapeHtml(parts.action)}" id="aspnetForm">
  <input type="hidden" name="__RequestVerificationToken" id="__RequestVerificationToken" value="${escapeHtml(parts.token)}">
  <input type="hidden" name="__ClientContext" id="__ClientContext" value="${escapeHtml(JSON.stringify(parts.clientContext))}">
  <header class="SiteHeader">
    <span class="SiteName">iMIS <span class="demo-badge">${escapeHtml(parts.profile)} stand-in</span></span>
    <span class="SiteUser">Signed in as Staff User</span>
  </header>
  <div class="PageLayout StaffPage">
    <nav class="SideNav" aria-label="Staff site">
      <ul>
        <li><a href="${appPath}Staff/Record_a_gift.aspx" aria-current="page">Fundraising</a></li>
        <li><a href="${appPath}Staff/Record_a_gift.aspx">RiSE</a></li>
      </ul>
    </nav>
    <main id="main" class="ContentArea">
      <h1>${escapeHtml(title)}</h1>
${parts.body}
    </main>
  </div>
</form>
</body>
</html>
`;
}
function contentItemContainer(inner) {
  return `      <div class="ContentItemContainer">
        <div class="iMIS-WebPart">
          <div class="ContentItem">
${inner}
          </div>
        </div>
      </div>`;
}

// src/imis-standin/site-routes.ts
var STAFF_USER = "STAFF1";
var STAFF_PAGE = "Staff/Record_a_gift.aspx";
var CONTENT_ITEM_PAGE = "RiSE/ContentItem.aspx";
var UPLOAD_PATH = "RiSE/DocumentSystem/Upload";
var CONTENT_TYPES_PATH = "RiSE/ContentTypes";
var PLACE_PATH = "RiSE/Staff/Record_a_gift/ContentItems";
var SITE_CSP = "script-src 'self' http://127.0.0.1:*; style-src 'self'; object-src 'none'; base-uri 'none'";
var FILE_TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8"
};
function imisSiteRoutes(options) {
  const { appPath, profile } = options;
  const documents = new DocumentSystem(profile);
  const content = new ContentItems();
  const app = new Hono2();
  const html = (c, page) => {
    c.header("Content-Security-Policy", SITE_CSP);
    c.header("Cache-Control", "no-store");
    return c.html(page);
  };
  const staff = (c) => c.req.header(IMIS_VERIFICATION_HEADER) === DEMO_VERIFICATION_TOKEN;
  const denied2 = (c) => c.json({ Message: "Sign in to iMIS as staff: this request carries no valid RequestVerificationToken." }, 401);
  let autoInstall;
  const ensureDemoInstalled = () => autoInstall ??= (async () => {
    const zip = await readFile(join2(IPART_DIR, `${IPART_ZIP_NAME}.zip`)).catch(() => void 0);
    if (!zip) {
      autoInstall = void 0;
      return;
    }
    await documents.installZip(`${IPART_ZIP_NAME}.zip`, new Uint8Array(zip));
    const layout = profile.unpackRoot;
    content.place(content.registerType("Gift entry", ipartDisplayUrl(layout), ipartConfigurationUrl(layout)).key);
  })();
  const fragment = (url, item) => {
    const file = url?.startsWith("~/") ? documents.read(url) : void 0;
    if (!file) return `<p class="AsiError">The content type's file ${escapeHtml(url ?? "(none)")} is not in the document system.</p>`;
    return pasteFragment(new TextDecoder().decode(file), appPath, item);
  };
  app.get(`/${STAFF_PAGE}`, async (c) => {
    if (options.autoInstall && content.placed.length === 0) await ensureDemoInstalled();
    const loggedInPartyId = STAFF_USER;
    const selectedPartyId = c.req.query("ID")?.trim() || loggedInPartyId;
    const items = content.placed.map(
      (item) => contentItemContainer(`${fragment(item.contentType.displayUrl, item)}
            <p class="EditLink"><a href="${appPath}${CONTENT_ITEM_PAGE}?contentItemKey=${item.contentItemKey}">Edit this content item's settings</a></p>`)
    );
    const empty = `<p class="AsiWarning">No content item on this page yet. For the demo, run <code>npm run package</code> and reload.</p>`;
    return html(
      c,
      imisPage({
        appPath,
        title: "Record a gift",
        token: DEMO_VERIFICATION_TOKEN,
        clientContext: { baseUrl: appPath, loggedInPartyId, selectedPartyId, isAnonymous: false },
        profile: profile.name,
        action: new URL(c.req.url).pathname + new URL(c.req.url).search,
        body: items.join("\n") || empty
      })
    );
  });
  app.get(`/${CONTENT_ITEM_PAGE}`, (c) => {
    const item = content.find(void 0, c.req.query("contentItemKey"));
    if (!item) return c.text("No such content item.", 404);
    const body = `${contentItemContainer(`            <input type="hidden" name="JsonSettings" id="JsonSettings" value="${escapeHtml(item.settings)}">
${fragment(item.contentType.configurationUrl, item)}`)}
      <div class="CommandBar"><button type="submit" class="TextButton PrimaryButton">Save &amp; Publish</button></div>`;
    return html(
      c,
      imisPage({
        appPath,
        title: `Edit content item: ${item.contentType.name}`,
        token: DEMO_VERIFICATION_TOKEN,
        clientContext: { baseUrl: appPath, loggedInPartyId: STAFF_USER, selectedPartyId: STAFF_USER, isAnonymous: false },
        profile: profile.name,
        action: `${appPath}${CONTENT_ITEM_PAGE}?contentItemKey=${item.contentItemKey}`,
        body
      })
    );
  });
  app.post(`/${CONTENT_ITEM_PAGE}`, async (c) => {
    const item = content.find(void 0, c.req.query("contentItemKey"));
    if (!item) return c.text("No such content item.", 404);
    const form = await c.req.parseBody();
    if (form.__RequestVerificationToken !== DEMO_VERIFICATION_TOKEN) return c.text("Your iMIS session has expired: sign in again.", 401);
    const settings = typeof form.JsonSettings === "string" ? form.JsonSettings.trim() : "";
    try {
      const parsed = settings ? JSON.parse(settings) : {};
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    } catch {
      return c.text("JsonSettings must hold a JSON object; nothing was saved.", 400);
    }
    item.settings = settings;
    return c.redirect(`${appPath}${STAFF_PAGE}`, 303);
  });
  app.post(`/${UPLOAD_PATH}`, async (c) => {
    if (!staff(c)) return denied2(c);
    const name = c.req.query("name") ?? "";
    const folder = c.req.query("folder") ?? CONTENT_ITEMS_FOLDER;
    try {
      return c.json(await documents.installZip(name, new Uint8Array(await c.req.arrayBuffer()), folder), 201);
    } catch (error) {
      if (error instanceof BadUpload) return c.json({ Message: error.message }, 400);
      throw error;
    }
  });
  app.post(`/${CONTENT_TYPES_PATH}`, async (c) => {
    if (!staff(c)) return denied2(c);
    const body = await c.req.json().catch(() => ({}));
    if (typeof body.name !== "string" || typeof body.displayUrl !== "string") {
      return c.json({ Message: "A client-based content type needs a name and a displayUrl." }, 400);
    }
    const type = content.registerType(
      body.name,
      body.displayUrl,
      typeof body.configurationUrl === "string" ? body.configurationUrl : void 0
    );
    return c.json({ contentTypeKey: type.key }, 201);
  });
  app.post(`/${PLACE_PATH}`, async (c) => {
    if (!staff(c)) return denied2(c);
    const body = await c.req.json().catch(() => ({}));
    const item = typeof body.contentTypeKey === "string" ? content.place(body.contentTypeKey) : void 0;
    if (!item) return c.json({ Message: "No content type with that contentTypeKey." }, 400);
    return c.json({ contentKey: item.contentKey, contentItemKey: item.contentItemKey }, 201);
  });
  app.get("/App_Themes/Default/theme.css", async (c) => {
    c.header("Content-Type", FILE_TYPES[".css"]);
    return c.body(await readFile(join2(DEMO_DIR, "imis-theme.css"), "utf8"));
  });
  app.get(`/${profile.unpackRoot}/*`, (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname.slice(appPath.length - 1));
    const file = documents.read(path);
    const type = FILE_TYPES[/\.[^./]+$/.exec(path)?.[0].toLowerCase() ?? ""];
    if (!file || !type) return c.text(`Nothing at ${path}.`, 404);
    c.header("Content-Type", type);
    c.header("Cache-Control", profile.staticCache);
    return c.body(new Uint8Array(file));
  });
  app.route("/", imisRestRoutes(content, profile));
  return app;
}

// src/imis-standin/sso.ts
import { randomBytes } from "node:crypto";
import { Hono as Hono3 } from "hono";

// src/contract/session-api.ts
var SIGN_IN_PATH = "/sign-in/imis";
var DEMO_SIGN_IN = {
  /** Where the stand-in's iMIS site is mounted on the demo proxy (its /token and /api/user are under it). */
  imisPath: "/imis",
  /** The stand-in page holding the Single Sign-On content item. */
  pagePath: "/imis/Staff/Sign_in_to_gift_entry.aspx",
  clientId: "gift-entry-demo",
  clientSecret: "demo-client-app-7Kq2Wx9Rt4",
  entryRole: "GiftEntry",
  supervisorRole: "GiftSupervisor"
};

// src/imis-standin/sso.ts
function ssoUsers() {
  return {
    STAFF1: { partyId: "STAFF1", name: "Sam Carter", roles: ["Staff", DEMO_SIGN_IN.entryRole] },
    STAFF2: { partyId: "STAFF2", name: "Lee Chen", roles: ["Staff", DEMO_SIGN_IN.entryRole] },
    SUPER1: { partyId: "SUPER1", name: "Pat Morgan", roles: ["Staff", DEMO_SIGN_IN.entryRole, DEMO_SIGN_IN.supervisorRole] },
    MEMBER1: { partyId: "MEMBER1", name: "Val Jones", roles: ["Member"] }
  };
}
var SSO_PAGE = DEMO_SIGN_IN.pagePath.slice(DEMO_SIGN_IN.imisPath.length + 1);
var SSO_CONTROL_PATH = "__standin/sso";
var AUTOPOST_SCRIPT = "sso-autopost.js";
function autoPost() {
  const page = globalThis;
  page.document.getElementById("sso-redirect")?.submit();
}
function imisSsoRoutes(appPath, options = {}) {
  const users = ssoUsers();
  const client = { id: options.clientId ?? DEMO_SIGN_IN.clientId, secret: options.clientSecret ?? DEMO_SIGN_IN.clientSecret };
  const state = { signedInAs: "STAFF1", refreshMinutes: 60, loginRedirectUrl: options.loginRedirectUrl ?? SIGN_IN_PATH };
  const refreshTokens = /* @__PURE__ */ new Map();
  const accessTokens = /* @__PURE__ */ new Map();
  const issue = (user, minutes, into) => {
    const token = randomBytes(24).toString("base64url");
    into.set(token, { user, expiresAt: Date.now() + minutes * 6e4 });
    return token;
  };
  const live = (into, token) => {
    const grant = token === void 0 ? void 0 : into.get(token);
    return grant && grant.expiresAt > Date.now() ? grant : void 0;
  };
  const app = new Hono3();
  app.get(`/${SSO_PAGE}`, (c) => {
    const user = c.req.query("as") ?? state.signedInAs;
    if (!users[user]) return c.text(`The stand-in's iMIS has no user ${user}.`, 404);
    const refreshToken = issue(user, state.refreshMinutes, refreshTokens);
    c.header("Content-Security-Policy", "default-src 'none'; script-src 'self'; base-uri 'none'");
    return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in to gift entry \u2013 iMIS (stand-in)</title></head>
<body>
<p>Signed in to iMIS as ${escapeHtml(users[user].name)}. Taking you to gift entry\u2026</p>
<form id="sso-redirect" method="post" action="${escapeHtml(state.loginRedirectUrl)}">
  <input type="hidden" name="refresh_token" value="${escapeHtml(refreshToken)}">
  <noscript><button type="submit">Continue to gift entry</button></noscript>
</form>
<script src="${appPath}${AUTOPOST_SCRIPT}"></script>
</body></html>`);
  });
  app.get(`/${AUTOPOST_SCRIPT}`, (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body(`(${autoPost.toString()})();
`);
  });
  app.post("/token", async (c) => {
    const form = await c.req.parseBody().catch(() => ({}));
    if (form.grant_type !== "refresh_token") return c.json({ error: "unsupported_grant_type" }, 400);
    if (form.client_id !== client.id || form.client_secret !== client.secret) return c.json({ error: "invalid_client" }, 400);
    const grant = live(refreshTokens, typeof form.refresh_token === "string" ? form.refresh_token : void 0);
    if (!grant) return c.json({ error: "invalid_grant", error_description: "The refresh token is invalid or has expired." }, 400);
    const accessToken = issue(grant.user, 20, accessTokens);
    const issued = /* @__PURE__ */ new Date();
    return c.json({
      access_token: accessToken,
      token_type: "bearer",
      expires_in: 1199,
      refresh_token: form.refresh_token,
      userName: grant.user,
      ".issued": issued.toUTCString(),
      ".expires": new Date(issued.getTime() + 1199e3).toUTCString()
    });
  });
  app.get("/api/user", (c) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "")?.[1];
    if (!live(accessTokens, bearer)) return c.json({ Message: "Authorization has been denied for this request." }, 401);
    const name = (c.req.query("username") ?? "").toUpperCase();
    const user = users[name];
    const items = user ? [
      {
        $type: "Asi.Soa.Membership.DataContracts.User.UserData, Asi.Contracts",
        UserId: name,
        UserName: name,
        Party: { $type: "Asi.Soa.Membership.DataContracts.PartyData, Asi.Contracts", PartyId: user.partyId, Name: user.name },
        Roles: {
          $type: "Asi.Soa.Membership.DataContracts.User.RoleDataCollection, Asi.Contracts",
          $values: user.roles.map((role) => ({
            $type: "Asi.Soa.Membership.DataContracts.User.RoleData, Asi.Contracts",
            Description: role
          }))
        }
      }
    ] : [];
    return c.json({
      $type: "Asi.Soa.Core.DataContracts.PagedResult, Asi.Contracts",
      Items: { $type: "System.Collections.Generic.List`1[[System.Object, mscorlib]], mscorlib", $values: items },
      Offset: 0,
      Limit: 100,
      Count: items.length,
      TotalCount: items.length,
      HasNext: false,
      NextOffset: 0
    });
  });
  app.post(`/${SSO_CONTROL_PATH}`, async (c) => control(c));
  app.post(`/${SSO_CONTROL_PATH}/refresh-token`, async (c) => {
    const body = await c.req.json().catch(() => ({}));
    const user = typeof body.user === "string" ? body.user : state.signedInAs;
    if (!users[user]) return c.json({ Message: `No user ${user}.` }, 400);
    return c.json({ refresh_token: issue(user, state.refreshMinutes, refreshTokens) });
  });
  async function control(c) {
    const body = await c.req.json().catch(() => ({}));
    if (typeof body.signedInAs === "string") {
      if (!users[body.signedInAs])
        return c.json({ Message: `No user ${body.signedInAs}; the stand-in has ${Object.keys(users).join(", ")}.` }, 400);
      state.signedInAs = body.signedInAs;
    }
    if (body.expireRefreshTokens === true) for (const grant of refreshTokens.values()) grant.expiresAt = 0;
    if (typeof body.refreshTokenMinutes === "number") state.refreshMinutes = body.refreshTokenMinutes;
    if (typeof body.loginRedirectUrl === "string") state.loginRedirectUrl = body.loginRedirectUrl;
    if (typeof body.roles === "object" && body.roles !== null) {
      for (const [user, roles] of Object.entries(body.roles)) {
        if (users[user] && Array.isArray(roles)) users[user].roles = roles.filter((r) => typeof r === "string");
      }
    }
    return c.json({ signedInAs: state.signedInAs, users: Object.keys(users) });
  }
  return app;
}

// src/imis-standin/routes.ts
var IMIS_SITE_PATH = "/imis/";
function imisStandInRoutes(options = {}) {
  const app = new Hono4();
  app.route("/", imisRestRoutes());
  app.route(IMIS_SITE_PATH.slice(0, -1), imisSsoRoutes(IMIS_SITE_PATH, options.sso));
  app.route(
    IMIS_SITE_PATH.slice(0, -1),
    imisSiteRoutes({ appPath: IMIS_SITE_PATH, autoInstall: options.autoInstall ?? true, profile: options.profile ?? PROFILES.EMS })
  );
  return app;
}

// src/demo/routes.ts
var CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png"
};
var DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
var notFound2 = (file) => new Response(JSON.stringify({ message: `No demo file named ${file}.` }), {
  status: 404,
  headers: { "Content-Type": "application/problem+json; charset=utf-8" }
});
function demoRoutes(env = {}) {
  const app = new Hono5();
  const page = (body, type) => new Response(new Uint8Array(body), {
    headers: { "Content-Type": type, "Cache-Control": "no-cache", "Content-Security-Policy": DEMO_CSP }
  });
  app.get("/", async () => page(await readFile2(join3(DEMO_DIR, "index.html")), CONTENT_TYPES[".html"]));
  app.get("/demo/:file{[A-Za-z0-9_-]+\\.[a-z]+}", async (c) => {
    const file = c.req.param("file");
    const type = CONTENT_TYPES[extname(file)];
    const content = type && await readFile2(join3(DEMO_DIR, file)).catch(() => void 0);
    return type && content ? page(content, type) : notFound2(file);
  });
  app.route("/", imisStandInRoutes({ profile: parseProfile(env.IMIS_STANDIN_PROFILE) }));
  return app;
}
export {
  DEMO_CSP,
  demoRoutes
};
