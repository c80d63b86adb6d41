/**
 * How the stand-in assembles a page the way iMIS does: the content type's display (or
 * configuration) HTML is read on the server and pasted into the page as it is, with only
 * `~`-rooted `script src` and `link href` rewritten to the application path and the
 * `[x-contentKey]` / `[x-contentItemKey]` placeholders filled for the placement. The page
 * carries iMIS's hidden fields and, like every ASP.NET Web Forms page, sits in one <form>.
 */
export interface Placement {
  contentKey: string;
  contentItemKey: string;
}

export function pasteFragment(html: string, appPath: string, placement: Placement): string {
  return html
    .replace(/(<script\b[^>]*?\ssrc\s*=\s*["']?)~\//gi, `$1${appPath}`)
    .replace(/(<link\b[^>]*?\shref\s*=\s*["']?)~\//gi, `$1${appPath}`)
    .replaceAll('[x-contentKey]', placement.contentKey)
    .replaceAll('[x-contentItemKey]', placement.contentItemKey);
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' } as Record<string, string>)[c]};`);

export interface PageParts {
  appPath: string;
  title: string;
  token: string;
  clientContext: object;
  /** Where the page's one form posts (iMIS pages post back to themselves). */
  action: string;
  /** The iMIS version played (profiles.ts), shown in the header. */
  profile: string;
  body: string;
}

export function imisPage(parts: PageParts): string {
  const { appPath, title } = parts;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} – iMIS (stand-in)</title>
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

export function contentItemContainer(inner: string): string {
  return `      <div class="ContentItemContainer">
        <div class="iMIS-WebPart">
          <div class="ContentItem">
${inner}
          </div>
        </div>
      </div>`;
}
