// src/simulator/server.ts
import { createServer } from "node:http";
import { gzipSync, deflateSync } from "node:zlib";

// src/contract/batch-api.ts
import * as z6 from "zod/mini";

// src/contract/entry-metadata.ts
import * as z2 from "zod/mini";

// src/contract/gift-schema.ts
import * as z from "zod/mini";

// src/contract/gift-fields.ts
var MAX_LENGTH = {
  imisId: 10,
  nameTitle: 25,
  firstName: 20,
  middleName: 20,
  maidenName: 30,
  lastName: 30,
  nameSuffix: 10,
  company: 80,
  address: 40,
  city: 40,
  state: 15,
  zipCode: 10,
  emailAddress: 100,
  phone: 25,
  notes: 255,
  distribution: 30,
  campaignCode: 10,
  appealCode: 40,
  softCreditId: 10,
  transactionId: 255
};
var GIFT_FIELDS = [
  "imisId",
  "amount",
  "financialAccountId",
  "nameTitle",
  "firstName",
  "middleName",
  "maidenName",
  "lastName",
  "nameSuffix",
  "company",
  "address",
  "city",
  "state",
  "zipCode",
  "emailAddress",
  "phone",
  "notes",
  "distribution",
  "campaignCode",
  "appealCode",
  "softCreditId",
  "receivedDate",
  "transactionId"
];
var FIELD_LABEL = {
  imisId: "iMIS ID",
  amount: "Amount",
  financialAccountId: "Financial account ID",
  nameTitle: "Title",
  firstName: "First name",
  middleName: "Middle name",
  maidenName: "Maiden name",
  lastName: "Last name",
  nameSuffix: "Suffix",
  company: "Company",
  address: "Address",
  city: "City",
  state: "State",
  zipCode: "ZIP code",
  emailAddress: "Email",
  phone: "Phone",
  notes: "Notes",
  distribution: "Fund",
  campaignCode: "Campaign",
  appealCode: "Appeal",
  softCreditId: "Soft credit iMIS ID",
  receivedDate: "Received date",
  transactionId: "Transaction ID"
};
function tooLongMessage(field, max = MAX_LENGTH[field]) {
  return `${FIELD_LABEL[field]} must be ${max} characters or fewer`;
}

// src/contract/gift-summary.ts
var usd;
function formatUsd(amount) {
  usd ??= new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  return usd.format(amount);
}

// src/contract/transaction-id.ts
var TRANSACTION_ID_MIN_LENGTH = 8;
var TRANSACTION_ID_MAX_LENGTH = 16;
var TRANSACTION_ID_PATTERN = new RegExp(`^[A-Za-z0-9]{${TRANSACTION_ID_MIN_LENGTH},${TRANSACTION_ID_MAX_LENGTH}}$`);
var TRANSACTION_ID_PREFIX_MAX_LENGTH = 6;
var TRANSACTION_ID_PREFIX_PATTERN = new RegExp(`^[A-Za-z0-9]{0,${TRANSACTION_ID_PREFIX_MAX_LENGTH}}$`);
var TRANSACTION_ID_MESSAGE = `Transaction ID must be ${TRANSACTION_ID_MIN_LENGTH} to ${TRANSACTION_ID_MAX_LENGTH} letters or digits`;
var TRANSACTION_ID_PREFIX_MESSAGE = `Transaction ID prefix must be at most ${TRANSACTION_ID_PREFIX_MAX_LENGTH} letters or digits`;

// src/contract/gift-schema.ts
var MAX_AMOUNT = 9999999999e-2;
var MESSAGES = {
  amountType: "Enter the amount as a number, like 25.00",
  amountPositive: "Amount must be more than $0.00",
  amountCents: "Amount can have at most 2 decimal places (cents)",
  // A getter: gift-summary.ts imports this module, so formatUsd may not be ready while it loads.
  get amountTooLarge() {
    return `Amount must be ${formatUsd(MAX_AMOUNT)} or less`;
  },
  financialAccount: "Financial account ID must be a whole number greater than 0",
  contactRequired: "Enter the donor\u2019s iMIS ID, or first and last name, or a company name",
  lastNameWithFirst: "Enter a last name as well as the first name, or an iMIS ID or company",
  firstNameWithLast: "Enter a first name as well as the last name, or an iMIS ID or company",
  fundRequired: "Choose a fund, or a campaign that is mapped to a fund",
  emailRequired: "Enter the donor\u2019s email address",
  emailFormat: "Enter an email address in the form name@example.org",
  phoneCharacters: "Phone can only contain digits, spaces and + ( ) -",
  imisIdCharacters: (field) => `${FIELD_LABEL[field]} can only contain letters and digits`,
  receivedDate: "Received date must be a real date and time, like 2026-11-23T09:30:00",
  receivedDateRange: "Received date must be from January 1, 2000 to one year from today",
  transactionIdRequired: "Transaction ID is missing",
  transactionId: TRANSACTION_ID_MESSAGE,
  unsendableCharacter: (field) => `${FIELD_LABEL[field]} contains a character that cannot be sent: a control character, a text-direction override or half of an emoji`,
  unknownFields: (keys) => `Unknown field${keys.length > 1 ? "s" : ""}: ${keys.join(", ")} (field names are case-sensitive)`
};
var PHONE_PATTERN = /^[0-9 +()-]*$/;
var IMIS_ID_PATTERN = /^[A-Za-z0-9]*$/;
var UNSENDABLE = (
  // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
);
var LINE_BREAKS = /[\n\r\t]/;
function hasUnsendableCharacter(value, multiLine = false) {
  return UNSENDABLE.test(value) || !multiLine && LINE_BREAKS.test(value);
}
function textChecks(max, tooLong, badCharacter, multiLine = false) {
  return [
    z.trim(),
    z.refine((value) => value.length <= max, tooLong),
    z.refine((value) => !hasUnsendableCharacter(value, multiLine), badCharacter)
  ];
}
function text(field, ...checks) {
  return z.optional(
    z.string(`${FIELD_LABEL[field]} must be text`).check(...textChecks(MAX_LENGTH[field], tooLongMessage(field), MESSAGES.unsendableCharacter(field), field === "notes"), ...checks)
  );
}
function imisId(field) {
  return text(field, z.regex(IMIS_ID_PATTERN, MESSAGES.imisIdCharacters(field)));
}
var DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,7})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
function isDateTime(value) {
  const match = DATE_TIME_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
var RECEIVED_DATE_EARLIEST = "2000-01-01";
function isReceivedDateInWindow(value, today = /* @__PURE__ */ new Date()) {
  if (!isDateTime(value)) return true;
  const latest = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
  const date = value.slice(0, 10);
  return date >= RECEIVED_DATE_EARLIEST && date <= latest;
}
var PLAIN_AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
function hasAtMostCents(value) {
  return PLAIN_AMOUNT_PATTERN.test(String(value));
}
var giftShape = {
  imisId: imisId("imisId"),
  amount: z.number(MESSAGES.amountType).check(
    z.gt(0, MESSAGES.amountPositive),
    z.lte(MAX_AMOUNT, { error: () => MESSAGES.amountTooLarge }),
    z.refine(hasAtMostCents, MESSAGES.amountCents)
  ),
  nameTitle: text("nameTitle"),
  firstName: text("firstName"),
  middleName: text("middleName"),
  maidenName: text("maidenName"),
  lastName: text("lastName"),
  nameSuffix: text("nameSuffix"),
  company: text("company"),
  address: text("address"),
  city: text("city"),
  state: text("state"),
  zipCode: text("zipCode"),
  // The model table marks email required though the error table never mentions it: we require it.
  emailAddress: z.string(MESSAGES.emailRequired).check(
    ...textChecks(MAX_LENGTH.emailAddress, tooLongMessage("emailAddress"), MESSAGES.unsendableCharacter("emailAddress")),
    z.minLength(1, MESSAGES.emailRequired),
    z.regex(z.regexes.email, MESSAGES.emailFormat)
  ),
  phone: text("phone", z.regex(PHONE_PATTERN, MESSAGES.phoneCharacters)),
  notes: text("notes"),
  distribution: text("distribution"),
  campaignCode: text("campaignCode"),
  appealCode: text("appealCode"),
  softCreditId: imisId("softCreditId"),
  receivedDate: z.optional(
    z.string(MESSAGES.receivedDate).check(
      z.refine(isDateTime, MESSAGES.receivedDate),
      z.refine((value) => isReceivedDateInWindow(value), MESSAGES.receivedDateRange)
    )
  ),
  transactionId: z.string(MESSAGES.transactionIdRequired).check(z.trim(), z.regex(TRANSACTION_ID_PATTERN, MESSAGES.transactionId))
};
function filled(value) {
  return typeof value === "string" && value.trim() !== "";
}
function contactProblem(gift) {
  if (filled(gift.imisId) || filled(gift.company)) return void 0;
  const first = filled(gift.firstName);
  const last = filled(gift.lastName);
  if (first && last) return void 0;
  if (first) return { field: "lastName", message: MESSAGES.lastNameWithFirst };
  if (last) return { field: "firstName", message: MESSAGES.firstNameWithLast };
  return { field: "imisId", message: MESSAGES.contactRequired };
}
function hasFund(gift) {
  return filled(gift.distribution) || filled(gift.campaignCode);
}
var always = { when: () => true };
function withGiftRules(schema) {
  return schema.check(
    z.superRefine((gift, ctx) => {
      const problem = contactProblem(gift);
      if (problem) ctx.issues.push({ code: "custom", message: problem.message, path: [problem.field], input: gift });
    }, always),
    z.refine((gift) => hasFund(gift), { message: MESSAGES.fundRequired, path: ["distribution"], ...always })
  );
}
var strict = {
  error: (issue) => issue.code === "unrecognized_keys" ? MESSAGES.unknownFields(issue.keys) : void 0
};
var giftSubmissionSchema = withGiftRules(z.strictObject(giftShape, strict));

// src/contract/entry-metadata.ts
var ENTERED_BY_MESSAGE = "enteredBy must be an iMIS party ID: at most 10 letters or digits";
var enteredBySchema = z2.optional(z2.string(ENTERED_BY_MESSAGE).check(z2.trim(), z2.regex(/^[A-Za-z0-9]{1,10}$/, ENTERED_BY_MESSAGE)));
var DONOR_NAME_MAX_LENGTH = 100;
var DONOR_NAME_MESSAGES = {
  type: "donorName must be text",
  tooLong: `donorName must be ${DONOR_NAME_MAX_LENGTH} characters or fewer`,
  character: "donorName contains a character that cannot be kept: a control character, a text-direction override or half of an emoji"
};
var donorNameSchema = z2.optional(
  z2.string(DONOR_NAME_MESSAGES.type).check(...textChecks(DONOR_NAME_MAX_LENGTH, DONOR_NAME_MESSAGES.tooLong, DONOR_NAME_MESSAGES.character))
);

// src/contract/batch-model.ts
var BATCH_STATES = ["open", "posted"];

// src/contract/proxy-api.ts
import * as z5 from "zod/mini";

// src/contract/proxy-routes.ts
var GIFT_STATUSES = ["queued", "sending", "accepted", "rejected", "held", "stuck"];

// src/contract/lookups.ts
import * as z3 from "zod/mini";
var optionalCode = z3.pipe(
  z3.optional(z3.nullable(z3.string())),
  z3.transform((value) => value ?? "")
);
var distributionSchema = z3.object({
  Title: z3.string(),
  Code: z3.string(),
  AppealCode: optionalCode,
  CampaignCode: optionalCode
});
var codeDescriptionSchema = z3.object({
  Code: z3.string(),
  Description: z3.string()
});
var distributionListSchema = z3.array(distributionSchema);
var codeDescriptionListSchema = z3.array(codeDescriptionSchema);
var UPSTREAM_LOOKUP_PATHS = {
  distributions: "/api/v1/integrations/distributions",
  appeals: "/api/v1/integrations/appeals",
  campaigns: "/api/v1/integrations/campaigns"
};
var UPSTREAM_IMPORT_PATH = "/api/v1/integrations/importGift";

// src/contract/session-schema.ts
import * as z4 from "zod/mini";
var sessionGrantSchema = z4.object({
  token: z4.string(),
  /** ISO 8601; the widget renews well before it. */
  expiresAt: z4.string(),
  party: z4.object({ id: z4.string(), name: z4.string() }),
  /** Sees every gift, retries stuck gifts, posts and reopens others' batches. */
  supervisor: z4.boolean()
});
var signInNeedSchema = z4.object({
  state: z4.enum(["required", "expired", "refused"]),
  /** The iMIS page with the Single Sign-On content item. */
  url: z4.string()
});

// src/contract/proxy-api.ts
var fieldProblemSchema = z5.object({
  message: z5.string(),
  field: z5.optional(z5.enum(GIFT_FIELDS))
});
var proxyErrorSchema = z5.object({
  message: z5.string(),
  field: z5.optional(z5.enum(GIFT_FIELDS)),
  problems: z5.optional(z5.array(fieldProblemSchema)),
  /** With iMIS sign-in on: why this call needs (another) sign-in, and where. */
  signIn: z5.optional(signInNeedSchema)
});
var giftStatusSchema = z5.enum(GIFT_STATUSES);
var giftRecordSchema = z5.object({
  transactionId: z5.string(),
  status: giftStatusSchema,
  /** Staff wording: why rejected, why held, why stuck (with the last upstream answer), or why still retrying. */
  message: z5.optional(z5.string()),
  field: z5.optional(z5.enum(GIFT_FIELDS)),
  /** The upstream's own words, kept for support when it rejected the gift. */
  upstreamMessage: z5.optional(z5.string()),
  amount: z5.number(),
  donor: z5.string(),
  distribution: z5.string(),
  attempts: z5.number(),
  createdAt: z5.string(),
  updatedAt: z5.string(),
  /** The staff member's party ID as the page reported it, when it did. */
  enteredBy: z5.optional(z5.string()),
  /** In the journal listing only: the fields as sent upstream, by their upstream names. */
  gift: z5.optional(z5.record(z5.string(), z5.union([z5.string(), z5.number()])))
});
var journalSchema = z5.object({ gifts: z5.array(giftRecordSchema) });
var retryStuckAnswerSchema = z5.object({ requeued: z5.number() });
var lookupsResponseSchema = z5.object({
  distributions: z5.array(distributionSchema),
  appeals: z5.array(codeDescriptionSchema),
  campaigns: z5.array(codeDescriptionSchema),
  /** The deployment's transactionId prefix, so every widget on it uses the same one. */
  transactionIdPrefix: z5.string(),
  fetchedAt: z5.string()
});
var UPSTREAM_STATES = ["ok", "retrying", "held"];
var healthSchema = z5.object({
  /** The process answers (liveness). */
  ok: z5.boolean(),
  /** Gifts can be taken: the journal accepts writes and the proxy is not shutting down. */
  ready: z5.boolean(),
  /** Why not ready, in words for an administrator. */
  message: z5.optional(z5.string()),
  queueDepth: z5.number(),
  /** Gifts set aside after failing again and again: each waits for a person to re-queue it. */
  stuck: z5.number(),
  upstream: z5.object({
    state: z5.enum(UPSTREAM_STATES),
    message: z5.optional(z5.string()),
    simulated: z5.boolean()
  })
});

// src/contract/batch-api.ts
var BATCH_MESSAGES = {
  date: "The batch\u2019s received date must be a date like 2026-12-02, or blank for the day each gift is entered",
  count: "The expected number of gifts must be a whole number from 0 to 10,000",
  total: "The expected total must be a whole number of cents, 0 or more",
  name: "A batch name must be at most 80 characters",
  reason: "Say in at most 255 characters why the batch is posted although it does not match the stack"
};
var code = (max) => z6.string().check(z6.trim(), z6.maxLength(max));
var batchDefaultsSchema = z6.object({
  distribution: code(MAX_LENGTH.distribution),
  campaignCode: code(MAX_LENGTH.campaignCode),
  appealCode: code(MAX_LENGTH.appealCode),
  receivedDate: z6.string().check(z6.regex(/^(\d{4}-\d{2}-\d{2})?$/, BATCH_MESSAGES.date))
});
var batchExpectedSchema = z6.object({
  count: z6.optional(z6.number().check(z6.int(BATCH_MESSAGES.count), z6.gte(0, BATCH_MESSAGES.count), z6.lte(1e4, BATCH_MESSAGES.count))),
  totalCents: z6.optional(z6.number().check(z6.int(BATCH_MESSAGES.total), z6.gte(0, BATCH_MESSAGES.total)))
});
var batchSettingsSchema = z6.object({
  name: z6.optional(z6.string().check(z6.trim(), z6.maxLength(80, BATCH_MESSAGES.name))),
  defaults: batchDefaultsSchema,
  expected: batchExpectedSchema,
  /** The staff member's party ID as the page reported it. */
  by: enteredBySchema
});
var batchSettingsPatchSchema = z6.partial(batchSettingsSchema);
var batchGiftInputSchema = z6.object({
  gift: giftSubmissionSchema,
  donorName: donorNameSchema,
  enteredBy: enteredBySchema
});
var batchGiftSchema = z6.object({
  transactionId: z6.string(),
  gift: giftSubmissionSchema,
  donorName: z6.optional(z6.string()),
  enteredBy: z6.optional(z6.string()),
  addedAt: z6.string(),
  updatedAt: z6.string(),
  /** Once posted: the gift's state in the queue, as GET /api/gifts/:id reports it. */
  record: z6.optional(giftRecordSchema)
});
var batchHeadShape = {
  id: z6.string(),
  name: z6.string(),
  state: z6.enum(BATCH_STATES),
  defaults: batchDefaultsSchema,
  expected: batchExpectedSchema,
  openedBy: z6.optional(z6.string()),
  openedAt: z6.string(),
  updatedAt: z6.string(),
  postedBy: z6.optional(z6.string()),
  postedAt: z6.optional(z6.string()),
  /** Given when posted although count or total did not match. */
  postReason: z6.optional(z6.string())
};
var batchSchema = z6.object({ ...batchHeadShape, gifts: z6.array(batchGiftSchema) });
var batchSummarySchema = z6.object({ ...batchHeadShape, count: z6.number(), totalCents: z6.number() });
var batchListSchema = z6.object({ batches: z6.array(batchSummarySchema) });
var postBatchSchema = z6.object({
  by: enteredBySchema,
  reason: z6.optional(z6.string().check(z6.trim(), z6.minLength(1, BATCH_MESSAGES.reason), z6.maxLength(255, BATCH_MESSAGES.reason)))
});
var WATCH_MAX_WAIT_MS = 25e3;
var watchRequestSchema = z6.object({
  known: z6.record(z6.string(), giftStatusSchema),
  waitMs: z6.optional(z6.number().check(z6.int(), z6.gte(0), z6.lte(WATCH_MAX_WAIT_MS)))
});
var watchResponseSchema = z6.object({ gifts: z6.array(giftRecordSchema) });

// src/contract/import-request-schema.ts
import * as z7 from "zod/mini";
var giftImportRequestSchema = withGiftRules(
  z7.strictObject(
    {
      ...giftShape,
      financialAccountId: z7.int(MESSAGES.financialAccount).check(z7.gt(0, MESSAGES.financialAccount))
    },
    strict
  )
);

// src/contract/upstream-messages.ts
import * as z8 from "zod/mini";
var upstreamErrorSchema = z8.object({ Message: z8.string() });
var DESERIALIZE_PREFIX = "Invalid request body (unable to deserialize model). Newtonsoft.Json.JsonReaderException: ";
var UPSTREAM_MESSAGE = {
  transactionIdMissing: "Required field 'transactionId' is missing or negative.",
  duplicate: (transactionId) => `Transaction ID ${transactionId} has already been imported. This request is a duplicate and will not be processed.`,
  amountNotPositive: "Amount must be greater than 0.",
  notConvertible: (type, value, path, line, position) => `${DESERIALIZE_PREFIX}Could not convert string to ${type}: ${value}. Path '${path}', line ${line}, position ${position}.`,
  fundRequired: "Either a distribution code, or a (mapped) campaign code are required.",
  financialAccountMissing: "Financial Account ID is missing. Contact CSI if you are not sure what this value should be.",
  contactRequired: "First and last name, or Company name, or iMIS ID is required.",
  unauthorized: "Authorization has been denied for this request.",
  methodNotAllowed: (verb) => `The requested resource does not support http method '${verb}'.`,
  /** ASP.NET Web API's body for an unhandled error, e.g. a value too long for its column. */
  internalError: "An error has occurred."
};

// src/simulator/control.ts
var SimulatorState = class {
  constructor(token, initialDelay) {
    this.initialDelay = initialDelay;
    this.token = token;
    this.delay = initialDelay;
  }
  initialDelay;
  token;
  delay;
  calls = [];
  gifts = [];
  importedIds = /* @__PURE__ */ new Set();
  inFlight = 0;
  maxInFlight = 0;
  lookups = 0;
  faults = { fail: 0, hang: 0, drop: 0, acceptThenDrop: 0 };
  canned;
  poisoned = /* @__PURE__ */ new Set();
  forbidden = /* @__PURE__ */ new Set();
  hanging = /* @__PURE__ */ new Set();
  outageUntil = 0;
  /** Takes the next injected fault, if any: hang and drop come before fail. */
  takeFault() {
    for (const fault of ["drop", "hang", "acceptThenDrop", "fail"]) {
      if (this.faults[fault] > 0) {
        this.faults[fault]--;
        return fault;
      }
    }
    return void 0;
  }
  /** Takes the next canned answer, if one is set. */
  takeCanned() {
    if (!this.canned || this.canned.count <= 0) return void 0;
    this.canned.count--;
    return this.canned.answer;
  }
  processingDelayMs() {
    return this.delay === "realistic" ? 2e3 + Math.random() * 3e3 : this.delay;
  }
  failNext(count) {
    this.faults.fail = count;
  }
  hangNext(count) {
    this.faults.hang = count;
  }
  dropNext(count) {
    this.faults.drop = count;
  }
  acceptThenDropNext(count) {
    this.faults.acceptThenDrop = count;
  }
  answerNext(count, answer) {
    this.canned = { count, answer };
  }
  poison(transactionIds) {
    for (const id of transactionIds) this.poisoned.add(id);
  }
  forbid(transactionIds) {
    for (const id of transactionIds) this.forbidden.add(id);
  }
  hangFor(transactionIds) {
    for (const id of transactionIds) this.hanging.add(id);
  }
  outageFor(ms) {
    this.outageUntil = Date.now() + ms;
  }
  inOutage() {
    return Date.now() < this.outageUntil;
  }
  setDelay(ms) {
    this.delay = ms;
  }
  setToken(token) {
    this.token = token;
  }
  received() {
    return [...this.calls];
  }
  imported() {
    return [...this.gifts];
  }
  maxConcurrentImports() {
    return this.maxInFlight;
  }
  lookupCalls() {
    return this.lookups;
  }
  /** Clears records, counters and pending faults; keeps the token, mapping and starting delay. */
  reset() {
    this.calls.length = 0;
    this.gifts.length = 0;
    this.importedIds.clear();
    this.maxInFlight = this.inFlight;
    this.lookups = 0;
    this.faults = { fail: 0, hang: 0, drop: 0, acceptThenDrop: 0 };
    this.canned = void 0;
    this.poisoned.clear();
    this.forbidden.clear();
    this.hanging.clear();
    this.outageUntil = 0;
    this.delay = this.initialDelay;
  }
};

// src/simulator/newtonsoft.ts
function positionAt(text3, index) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text3.length; i++) {
    if (text3[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, position: index - lineStart + 1 };
}
function skipString(text3, start) {
  let i = start + 1;
  while (i < text3.length && text3[i] !== '"') i += text3[i] === "\\" ? 2 : 1;
  return i;
}
function valueEnd(text3, property) {
  let depth = 0;
  for (let i = 0; i < text3.length; i++) {
    const ch = text3[i];
    if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
    else if (ch === '"') {
      const end = skipString(text3, i);
      const key = text3.slice(i + 1, end);
      let j = end + 1;
      while (/\s/.test(text3[j] ?? "")) j++;
      if (depth === 1 && text3[j] === ":" && JSON.parse(`"${key}"`) === property) {
        j++;
        while (/\s/.test(text3[j] ?? "")) j++;
        if (text3[j] === '"') return skipString(text3, j);
        let k = j;
        while (k < text3.length && !/[,}\]\s]/.test(text3[k])) k++;
        return k - 1;
      }
      i = end;
    }
  }
  return void 0;
}
function parseErrorIndex(error, text3) {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : text3.length;
}

// src/simulator/import-validation.ts
var READER_ERROR = "Invalid request body (unable to deserialize model). Newtonsoft.Json.JsonReaderException: ";
var ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
function blank(value) {
  return value === void 0 || value === null || typeof value === "string" && value.trim() === "";
}
function text2(value) {
  return typeof value === "string" ? value : value === void 0 || value === null ? "" : String(value);
}
function notConvertible(raw, body) {
  const checks = [
    ["amount", "decimal", (value) => value.trim() !== "" && Number.isFinite(Number(value))],
    ["receivedDate", "DateTime", (value) => ISO_DATE.test(value.trim()) && !Number.isNaN(Date.parse(value))]
  ];
  for (const [property, type, converts] of checks) {
    const value = body[property];
    if (typeof value === "string" && !converts(value)) {
      const { line, position } = positionAt(raw, valueEnd(raw, property) ?? raw.length);
      return UPSTREAM_MESSAGE.notConvertible(type, value, property, line, position);
    }
    if (typeof value === "boolean" || typeof value === "object" && value !== null) {
      const { line, position } = positionAt(raw, valueEnd(raw, property) ?? raw.length);
      const token = typeof value === "boolean" ? "Boolean" : Array.isArray(value) ? "StartArray" : "StartObject";
      return `${READER_ERROR}Error reading ${type}. Unexpected token: ${token}. Path '${property}', line ${line}, position ${position}.`;
    }
  }
  return void 0;
}
function answerImport(raw, imported, mapping, poisoned = /* @__PURE__ */ new Set()) {
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const { line, position } = positionAt(raw, parseErrorIndex(error, raw));
    return {
      status: 400,
      message: `${READER_ERROR}Unexpected character encountered while parsing value. Path '', line ${line}, position ${position}.`
    };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return {
      status: 400,
      message: `${READER_ERROR}Cannot deserialize the current JSON value into type 'GiftImportRequest'. Path '', line 1, position 1.`
    };
  }
  const body = parsed;
  const conversion = notConvertible(raw, body);
  if (conversion) return { status: 400, message: conversion };
  const transactionId = text2(body.transactionId).trim();
  if (transactionId === "" || transactionId.startsWith("-")) return { status: 400, message: UPSTREAM_MESSAGE.transactionIdMissing };
  if (!(Number(body.amount) > 0)) return { status: 400, message: UPSTREAM_MESSAGE.amountNotPositive };
  if (!(Number(body.financialAccountId) > 0)) return { status: 400, message: UPSTREAM_MESSAGE.financialAccountMissing };
  const hasContact = !blank(body.imisId) || !blank(body.firstName) && !blank(body.lastName) || !blank(body.company);
  if (!hasContact) return { status: 400, message: UPSTREAM_MESSAGE.contactRequired };
  const campaign = text2(body.campaignCode).trim();
  const mapped = blank(body.distribution) ? mapping[campaign] : void 0;
  if (blank(body.distribution) && mapped === void 0) return { status: 400, message: UPSTREAM_MESSAGE.fundRequired };
  if (imported.has(transactionId)) return { status: 400, message: UPSTREAM_MESSAGE.duplicate(transactionId) };
  for (const field of Object.keys(MAX_LENGTH)) {
    if (text2(body[field]).length > MAX_LENGTH[field]) return { status: 500, message: UPSTREAM_MESSAGE.internalError };
  }
  if (poisoned.has(transactionId)) return { status: 500, message: UPSTREAM_MESSAGE.internalError };
  const gift = mapped === void 0 ? { ...body } : { ...body, distribution: mapped, campaignCode: "" };
  return { status: 202, gift };
}

// src/simulator/seed-data.ts
var SAMPLE_DISTRIBUTIONS = [
  { Title: "General Fund", Code: "GEN", AppealCode: "", CampaignCode: "" },
  { Title: "Annual Fund", Code: "ANNUAL", AppealCode: "100000", CampaignCode: "ACTS" },
  { Title: "Building Fund", Code: "BUILD", AppealCode: "100004", CampaignCode: "" },
  { Title: "Scholarship Fund", Code: "SCHOL", AppealCode: "", CampaignCode: "AARS" },
  { Title: "Alpha", Code: "ALPHA", AppealCode: "", CampaignCode: "" },
  { Title: "Alpha Gamma", Code: "ALGA", AppealCode: "", CampaignCode: "" },
  { Title: "Zeta Beta", Code: "ZEBE", AppealCode: "", CampaignCode: "" }
];
var SAMPLE_APPEALS = [
  { Code: "100000", Description: "100000 - Alpha" },
  { Code: "100004", Description: "100001 - Beta" },
  { Code: "100003", Description: "100002 - Delta" },
  { Code: "SPRING", Description: "SPRING - Spring mailing" },
  { Code: "YEAREND", Description: "YEAREND - Year-end letter" }
];
var SAMPLE_CAMPAIGNS = [
  // Longer than campaignCode's 10 characters, exactly as the reference's example lists it.
  { Code: "5K_RUN_WALK", Description: "5K_RUN_WALK - 5K Run/Walk" },
  { Code: "SAFE", Description: "SAFE - A Safe Place" },
  { Code: "ACTS", Description: "ACTS - Acts of Kindness Fund" },
  { Code: "AARS", Description: "AARS - Area Alumnae Recognition Scholarship" },
  { Code: "GALA", Description: "GALA - Spring Gala" }
];
var SAMPLE_CAMPAIGN_MAPPING = {
  SAFE: "GEN",
  GALA: "ANNUAL"
};

// src/simulator/server.ts
var FORBIDDEN_PAGE = "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>Request blocked by policy.</p></body></html>";
var LOOKUPS = {
  [UPSTREAM_LOOKUP_PATHS.distributions]: SAMPLE_DISTRIBUTIONS,
  [UPSTREAM_LOOKUP_PATHS.appeals]: SAMPLE_APPEALS,
  [UPSTREAM_LOOKUP_PATHS.campaigns]: SAMPLE_CAMPAIGNS
};
function send(request, response, status, body) {
  if (body === void 0) {
    response.writeHead(status, { "Content-Length": "0" }).end();
    return;
  }
  let payload = Buffer.from(JSON.stringify(body));
  const headers = { "Content-Type": "application/json; charset=utf-8" };
  const accepts = String(request.headers["accept-encoding"] ?? "");
  if (/\bgzip\b/.test(accepts)) {
    payload = gzipSync(payload);
    headers["Content-Encoding"] = "gzip";
  } else if (/\bdeflate\b/.test(accepts)) {
    payload = deflateSync(payload);
    headers["Content-Encoding"] = "deflate";
  }
  headers["Content-Length"] = String(payload.length);
  response.writeHead(status, headers).end(payload);
}
var BOMB_BYTES = 10 * 1024 * 1024;
function sendCanned(response, answer) {
  if (answer.bomb) {
    const zeros = Buffer.alloc(answer.bodyBytes ?? BOMB_BYTES);
    const body2 = answer.bomb === "gzip" ? gzipSync(zeros, { level: 9 }) : deflateSync(zeros, { level: 9 });
    const headers = { "Content-Type": "application/json", "Content-Encoding": answer.bomb, "Content-Length": String(body2.length) };
    response.writeHead(answer.status, { ...headers, ...answer.headers }).end(body2);
    return;
  }
  const body = answer.bodyBytes !== void 0 ? Buffer.alloc(answer.bodyBytes, "x") : Buffer.from(answer.body ?? "");
  response.writeHead(answer.status, { "Content-Length": String(body.length), ...answer.headers }).end(body);
}
function transactionIdOf(raw) {
  try {
    const id = JSON.parse(raw).transactionId;
    return typeof id === "string" || typeof id === "number" ? String(id).trim() : void 0;
  } catch {
    return void 0;
  }
}
function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
async function startSimulator(options) {
  const state = new SimulatorState(options.token, options.processingDelayMs ?? 0);
  const mapping = options.campaignMapping ?? SAMPLE_CAMPAIGN_MAPPING;
  const sockets = /* @__PURE__ */ new Set();
  const timers = /* @__PURE__ */ new Set();
  const wait = (ms) => new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
  async function importGift(request, response) {
    const raw = await readBody(request);
    const call = {
      at: (/* @__PURE__ */ new Date()).toISOString(),
      authorization: request.headers.authorization ?? null,
      acceptEncoding: request.headers["accept-encoding"] ?? null,
      rawBody: raw,
      status: 0
    };
    state.calls.push(call);
    const answer = (status, message) => {
      call.status = status;
      if (message !== void 0) call.message = message;
      send(request, response, status, message === void 0 ? void 0 : { Message: message });
    };
    if (!authorized(request)) return answer(401, UPSTREAM_MESSAGE.unauthorized);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      const id = transactionIdOf(raw);
      if (id !== void 0 && state.forbidden.has(id)) {
        call.status = 403;
        return sendCanned(response, { status: 403, headers: { "Content-Type": "text/html" }, body: FORBIDDEN_PAGE });
      }
      const fault = state.takeFault();
      if (fault === "drop") return void request.socket.destroy();
      if (fault === "hang" || id !== void 0 && state.hanging.has(id)) return;
      await wait(state.processingDelayMs());
      if (fault === "fail" || state.inOutage()) return answer(500, UPSTREAM_MESSAGE.internalError);
      const canned = state.takeCanned();
      if (canned && !canned.recordFirst) {
        call.status = canned.status;
        return sendCanned(response, canned);
      }
      const verdict = answerImport(raw, state.importedIds, mapping, state.poisoned);
      if (canned && verdict.status === 202) {
        state.importedIds.add(String(verdict.gift.transactionId).trim());
        state.gifts.push(verdict.gift);
        call.status = canned.status;
        return sendCanned(response, canned);
      }
      if (verdict.status === 202) {
        state.importedIds.add(String(verdict.gift.transactionId).trim());
        state.gifts.push(verdict.gift);
        if (fault === "acceptThenDrop") return void request.socket.destroy();
        return answer(202);
      }
      answer(verdict.status, verdict.message);
    } finally {
      state.inFlight--;
    }
  }
  function authorized(request) {
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "");
    return match?.[1] === state.token;
  }
  async function control(request, response, path) {
    if (path === "/_simulator/state" && request.method === "GET") {
      return send(request, response, 200, {
        received: state.received(),
        imported: state.imported(),
        maxConcurrentImports: state.maxConcurrentImports(),
        lookupCalls: state.lookupCalls()
      });
    }
    if (path === "/_simulator/control" && request.method === "POST") {
      let knobs;
      try {
        knobs = JSON.parse(await readBody(request));
      } catch {
        return send(request, response, 400, { Message: "Control body must be JSON." });
      }
      if (knobs.reset === true) state.reset();
      if (typeof knobs.failNext === "number") state.failNext(knobs.failNext);
      if (typeof knobs.hangNext === "number") state.hangNext(knobs.hangNext);
      if (typeof knobs.dropNext === "number") state.dropNext(knobs.dropNext);
      if (typeof knobs.acceptThenDropNext === "number") state.acceptThenDropNext(knobs.acceptThenDropNext);
      if (Array.isArray(knobs.poison)) state.poison(knobs.poison.map(String));
      if (Array.isArray(knobs.forbid)) state.forbid(knobs.forbid.map(String));
      if (Array.isArray(knobs.hangFor)) state.hangFor(knobs.hangFor.map(String));
      if (typeof knobs.outageMs === "number") state.outageFor(knobs.outageMs);
      if (typeof knobs.delayMs === "number" || knobs.delayMs === "realistic") state.setDelay(knobs.delayMs);
      return send(request, response, 204);
    }
    send(request, response, 404, { Message: `No simulator control at ${path}.` });
  }
  async function route(request, response) {
    const path = new URL(request.url ?? "/", "http://simulator").pathname;
    const method = (request.method ?? "GET").toUpperCase();
    if (options.controlRoutes && path.startsWith("/_simulator/")) return control(request, response, path);
    const isImport = path.toLowerCase() === UPSTREAM_IMPORT_PATH.toLowerCase();
    const lookup = Object.keys(LOOKUPS).find((known) => known.toLowerCase() === path.toLowerCase());
    if (!isImport && !lookup) {
      return send(request, response, 404, { Message: `No HTTP resource was found that matches the request URI '${request.url ?? ""}'.` });
    }
    if (isImport && method !== "POST" || lookup && method !== "GET") {
      response.setHeader("Allow", isImport ? "POST" : "GET");
      return send(request, response, 405, { Message: UPSTREAM_MESSAGE.methodNotAllowed(method) });
    }
    if (isImport) return importGift(request, response);
    state.lookups++;
    if (!authorized(request)) return send(request, response, 401, { Message: UPSTREAM_MESSAGE.unauthorized });
    send(request, response, 200, LOOKUPS[lookup]);
  }
  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) send(request, response, 500, { Message: UPSTREAM_MESSAGE.internalError });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address();
  return {
    url: `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`,
    control: state,
    close: () => new Promise((resolve) => {
      for (const timer of timers) clearTimeout(timer);
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    })
  };
}

// src/simulator/main.ts
var tokenFromEnv = process.env.SIMULATOR_TOKEN?.trim();
var delay = process.env.SIMULATOR_DELAY?.trim() || "realistic";
var port = Number(process.env.SIMULATOR_PORT ?? 8788);
if (delay !== "realistic" && !/^\d+$/.test(delay)) {
  process.stderr.write(`SIMULATOR_DELAY must be "realistic" or a number of milliseconds (got "${delay}")
`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`SIMULATOR_PORT must be a port number (got "${process.env.SIMULATOR_PORT}")
`);
  process.exit(1);
}
var simulator = await startSimulator({
  token: tokenFromEnv || "dev-token",
  port,
  host: process.env.SIMULATOR_HOST?.trim() || "127.0.0.1",
  processingDelayMs: delay === "realistic" ? "realistic" : Number(delay),
  controlRoutes: true
});
process.stderr.write(
  [
    `External Gift API simulator on ${simulator.url} (processing delay: ${delay === "realistic" ? "2\u20135 s" : `${delay} ms`})`,
    tokenFromEnv ? "  Bearer token: the value of SIMULATOR_TOKEN" : "  Bearer token: dev-token (set SIMULATOR_TOKEN to change it)",
    `  test knobs: GET ${simulator.url}/_simulator/state, POST ${simulator.url}/_simulator/control`,
    ""
  ].join("\n")
);
var stop = () => void simulator.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
