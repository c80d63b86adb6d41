var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/contract/gift-fields.ts
function tooLongMessage(field, max = MAX_LENGTH[field]) {
  return `${FIELD_LABEL[field]} must be ${max} characters or fewer`;
}
var MAX_LENGTH, GIFT_FIELDS, RECONCILIATION_FIELDS, FIELD_LABEL;
var init_gift_fields = __esm({
  "src/contract/gift-fields.ts"() {
    MAX_LENGTH = {
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
    GIFT_FIELDS = [
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
    RECONCILIATION_FIELDS = /* @__PURE__ */ new Set([
      "transactionId",
      "amount",
      "financialAccountId",
      "distribution",
      "campaignCode",
      "appealCode",
      "receivedDate"
    ]);
    FIELD_LABEL = {
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
  }
});

// src/contract/gift-summary.ts
function donorDisplayName(gift) {
  const person = [gift.firstName, gift.lastName].filter(filled).map((part) => part.trim()).join(" ");
  if (person) return person;
  if (filled(gift.company)) return gift.company.trim();
  if (filled(gift.imisId)) return `iMIS ID ${gift.imisId.trim()}`;
  return "Unnamed donor";
}
function donorWithName(donorName, imisId2) {
  return `${donorName} (iMIS ID ${imisId2})`;
}
function formatUsd(amount) {
  usd ??= new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  return usd.format(amount);
}
var usd;
var init_gift_summary = __esm({
  "src/contract/gift-summary.ts"() {
    init_gift_schema();
  }
});

// src/contract/transaction-id.ts
var TRANSACTION_ID_MIN_LENGTH, TRANSACTION_ID_MAX_LENGTH, TRANSACTION_ID_PATTERN, TRANSACTION_ID_PREFIX_MAX_LENGTH, TRANSACTION_ID_PREFIX_PATTERN, TRANSACTION_ID_MESSAGE, TRANSACTION_ID_PREFIX_MESSAGE;
var init_transaction_id = __esm({
  "src/contract/transaction-id.ts"() {
    TRANSACTION_ID_MIN_LENGTH = 8;
    TRANSACTION_ID_MAX_LENGTH = 16;
    TRANSACTION_ID_PATTERN = new RegExp(`^[A-Za-z0-9]{${TRANSACTION_ID_MIN_LENGTH},${TRANSACTION_ID_MAX_LENGTH}}$`);
    TRANSACTION_ID_PREFIX_MAX_LENGTH = 6;
    TRANSACTION_ID_PREFIX_PATTERN = new RegExp(`^[A-Za-z0-9]{0,${TRANSACTION_ID_PREFIX_MAX_LENGTH}}$`);
    TRANSACTION_ID_MESSAGE = `Transaction ID must be ${TRANSACTION_ID_MIN_LENGTH} to ${TRANSACTION_ID_MAX_LENGTH} letters or digits`;
    TRANSACTION_ID_PREFIX_MESSAGE = `Transaction ID prefix must be at most ${TRANSACTION_ID_PREFIX_MAX_LENGTH} letters or digits`;
  }
});

// src/contract/gift-schema.ts
import * as z from "zod/mini";
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
function isDateTime(value) {
  const match = DATE_TIME_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
function isReceivedDateInWindow(value, today = /* @__PURE__ */ new Date()) {
  if (!isDateTime(value)) return true;
  const latest = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
  const date = value.slice(0, 10);
  return date >= RECEIVED_DATE_EARLIEST && date <= latest;
}
function hasAtMostCents(value) {
  return PLAIN_AMOUNT_PATTERN.test(String(value));
}
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
function withGiftRules(schema) {
  return schema.check(
    z.superRefine((gift, ctx) => {
      const problem2 = contactProblem(gift);
      if (problem2) ctx.issues.push({ code: "custom", message: problem2.message, path: [problem2.field], input: gift });
    }, always),
    z.refine((gift) => hasFund(gift), { message: MESSAGES.fundRequired, path: ["distribution"], ...always })
  );
}
var MAX_AMOUNT, MESSAGES, PHONE_PATTERN, IMIS_ID_PATTERN, UNSENDABLE, LINE_BREAKS, DATE_TIME_PATTERN, RECEIVED_DATE_EARLIEST, PLAIN_AMOUNT_PATTERN, giftShape, always, strict, giftSubmissionSchema;
var init_gift_schema = __esm({
  "src/contract/gift-schema.ts"() {
    init_gift_fields();
    init_gift_summary();
    init_transaction_id();
    MAX_AMOUNT = 9999999999e-2;
    MESSAGES = {
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
    PHONE_PATTERN = /^[0-9 +()-]*$/;
    IMIS_ID_PATTERN = /^[A-Za-z0-9]*$/;
    UNSENDABLE = // eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole job
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    LINE_BREAKS = /[\n\r\t]/;
    DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,7})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
    RECEIVED_DATE_EARLIEST = "2000-01-01";
    PLAIN_AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
    giftShape = {
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
    always = { when: () => true };
    strict = {
      error: (issue) => issue.code === "unrecognized_keys" ? MESSAGES.unknownFields(issue.keys) : void 0
    };
    giftSubmissionSchema = withGiftRules(z.strictObject(giftShape, strict));
  }
});

// src/contract/entry-metadata.ts
import * as z2 from "zod/mini";
var ENTERED_BY_MESSAGE, enteredBySchema, DONOR_NAME_MAX_LENGTH, DONOR_NAME_MESSAGES, donorNameSchema, REDACTED_DONOR;
var init_entry_metadata = __esm({
  "src/contract/entry-metadata.ts"() {
    init_gift_schema();
    ENTERED_BY_MESSAGE = "enteredBy must be an iMIS party ID: at most 10 letters or digits";
    enteredBySchema = z2.optional(z2.string(ENTERED_BY_MESSAGE).check(z2.trim(), z2.regex(/^[A-Za-z0-9]{1,10}$/, ENTERED_BY_MESSAGE)));
    DONOR_NAME_MAX_LENGTH = 100;
    DONOR_NAME_MESSAGES = {
      type: "donorName must be text",
      tooLong: `donorName must be ${DONOR_NAME_MAX_LENGTH} characters or fewer`,
      character: "donorName contains a character that cannot be kept: a control character, a text-direction override or half of an emoji"
    };
    donorNameSchema = z2.optional(
      z2.string(DONOR_NAME_MESSAGES.type).check(...textChecks(DONOR_NAME_MAX_LENGTH, DONOR_NAME_MESSAGES.tooLong, DONOR_NAME_MESSAGES.character))
    );
    REDACTED_DONOR = "(donor details removed)";
  }
});

// src/contract/batch-model.ts
function batchTotals(rows) {
  const counted = rows.filter(counts);
  return {
    count: counted.length,
    // Integer cents: 0.1 + 0.2 must not leave a control total off by a hair.
    totalCents: counted.reduce((sum, row) => sum + Math.round(row.amount * 100), 0),
    refused: rows.length - counted.length,
    settledOrOnItsWay: rows.every((row) => row.status === void 0 || ON_ITS_WAY.has(row.status))
  };
}
function reconcile(rows, expected) {
  if (expected.count === void 0 && expected.totalCents === void 0) return { kind: "none" };
  const entered = batchTotals(rows.map((row) => ({ ...row, status: row.status === "rejected" ? void 0 : row.status })));
  const count = expected.count === void 0 ? void 0 : expected.count - entered.count;
  const totalCents = expected.totalCents === void 0 ? void 0 : expected.totalCents - entered.totalCents;
  if ((count ?? 0) !== 0 || (totalCents ?? 0) !== 0) return { kind: "differs", count, totalCents };
  const actual = batchTotals(rows);
  return actual.refused > 0 || !actual.settledOrOnItsWay ? { kind: "unresolved", refused: actual.refused } : { kind: "match" };
}
var ON_ITS_WAY, BATCH_STATES, counts;
var init_batch_model = __esm({
  "src/contract/batch-model.ts"() {
    ON_ITS_WAY = /* @__PURE__ */ new Set(["queued", "sending", "accepted"]);
    BATCH_STATES = ["open", "posted"];
    counts = (row) => row.status !== "rejected";
  }
});

// src/contract/proxy-routes.ts
function isFinal(status) {
  return status === "accepted" || status === "rejected";
}
function isWaiting(status) {
  return status === "queued" || status === "sending";
}
var PROXY_PATHS, CALLER_KEY_HEADER, GIFT_STATUSES, RESPOND_ASYNC;
var init_proxy_routes = __esm({
  "src/contract/proxy-routes.ts"() {
    PROXY_PATHS = {
      lookups: "/api/lookups",
      gifts: "/api/gifts",
      gift: (transactionId) => `/api/gifts/${encodeURIComponent(transactionId)}`,
      /** POST: puts a gift that needs attention (`stuck`) back in the queue once the cause is fixed. */
      retry: (transactionId) => `/api/gifts/${encodeURIComponent(transactionId)}/retry`,
      /** POST: puts every gift that needs attention (`stuck`) back in the queue at once; answers `{ requeued: n }`. */
      retryStuck: "/api/gifts/retry-stuck",
      /** POST: long-poll for status changes of the gifts the caller follows. */
      watch: "/api/gifts/watch",
      batches: "/api/batches",
      batch: (id) => `/api/batches/${encodeURIComponent(id)}`,
      batchGift: (id, transactionId) => `/api/batches/${encodeURIComponent(id)}/gifts/${encodeURIComponent(transactionId)}`,
      postBatch: (id) => `/api/batches/${encodeURIComponent(id)}/post`,
      health: "/healthz",
      widget: "/gift-entry.js"
    };
    CALLER_KEY_HEADER = "X-Gift-Entry-Key";
    GIFT_STATUSES = ["queued", "sending", "accepted", "rejected", "held", "stuck"];
    RESPOND_ASYNC = { header: "Prefer", value: "respond-async" };
  }
});

// src/contract/lookups.ts
import * as z3 from "zod/mini";
var optionalCode, distributionSchema, codeDescriptionSchema, distributionListSchema, codeDescriptionListSchema, UPSTREAM_LOOKUP_PATHS, UPSTREAM_IMPORT_PATH;
var init_lookups = __esm({
  "src/contract/lookups.ts"() {
    optionalCode = z3.pipe(
      z3.optional(z3.nullable(z3.string())),
      z3.transform((value) => value ?? "")
    );
    distributionSchema = z3.object({
      Title: z3.string(),
      Code: z3.string(),
      AppealCode: optionalCode,
      CampaignCode: optionalCode
    });
    codeDescriptionSchema = z3.object({
      Code: z3.string(),
      Description: z3.string()
    });
    distributionListSchema = z3.array(distributionSchema);
    codeDescriptionListSchema = z3.array(codeDescriptionSchema);
    UPSTREAM_LOOKUP_PATHS = {
      distributions: "/api/v1/integrations/distributions",
      appeals: "/api/v1/integrations/appeals",
      campaigns: "/api/v1/integrations/campaigns"
    };
    UPSTREAM_IMPORT_PATH = "/api/v1/integrations/importGift";
  }
});

// src/contract/session-schema.ts
import * as z4 from "zod/mini";
var sessionGrantSchema, signInNeedSchema;
var init_session_schema = __esm({
  "src/contract/session-schema.ts"() {
    sessionGrantSchema = z4.object({
      token: z4.string(),
      /** ISO 8601; the widget renews well before it. */
      expiresAt: z4.string(),
      party: z4.object({ id: z4.string(), name: z4.string() }),
      /** Sees every gift, retries stuck gifts, posts and reopens others' batches. */
      supervisor: z4.boolean()
    });
    signInNeedSchema = z4.object({
      state: z4.enum(["required", "expired", "refused"]),
      /** The iMIS page with the Single Sign-On content item. */
      url: z4.string()
    });
  }
});

// src/contract/proxy-api.ts
import * as z5 from "zod/mini";
var fieldProblemSchema, proxyErrorSchema, giftStatusSchema, giftRecordSchema, journalSchema, retryStuckAnswerSchema, lookupsResponseSchema, UPSTREAM_STATES, healthSchema, HELD_MESSAGE;
var init_proxy_api = __esm({
  "src/contract/proxy-api.ts"() {
    init_gift_fields();
    init_proxy_routes();
    init_lookups();
    init_session_schema();
    fieldProblemSchema = z5.object({
      message: z5.string(),
      field: z5.optional(z5.enum(GIFT_FIELDS))
    });
    proxyErrorSchema = z5.object({
      message: z5.string(),
      field: z5.optional(z5.enum(GIFT_FIELDS)),
      problems: z5.optional(z5.array(fieldProblemSchema)),
      /** With iMIS sign-in on: why this call needs (another) sign-in, and where. */
      signIn: z5.optional(signInNeedSchema)
    });
    giftStatusSchema = z5.enum(GIFT_STATUSES);
    giftRecordSchema = z5.object({
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
    journalSchema = z5.object({ gifts: z5.array(giftRecordSchema) });
    retryStuckAnswerSchema = z5.object({ requeued: z5.number() });
    lookupsResponseSchema = z5.object({
      distributions: z5.array(distributionSchema),
      appeals: z5.array(codeDescriptionSchema),
      campaigns: z5.array(codeDescriptionSchema),
      /** The deployment's transactionId prefix, so every widget on it uses the same one. */
      transactionIdPrefix: z5.string(),
      fetchedAt: z5.string()
    });
    UPSTREAM_STATES = ["ok", "retrying", "held"];
    healthSchema = z5.object({
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
    HELD_MESSAGE = "The gift service rejected the proxy\u2019s credentials; gifts are kept and will be sent once an administrator fixes the token";
  }
});

// src/contract/batch-api.ts
import * as z6 from "zod/mini";
var BATCH_MESSAGES, code, batchDefaultsSchema, batchExpectedSchema, batchSettingsSchema, batchSettingsPatchSchema, batchGiftInputSchema, batchGiftSchema, batchHeadShape, batchSchema, batchSummarySchema, batchListSchema, postBatchSchema, WATCH_MAX_GIFTS, WATCH_MAX_WAIT_MS, watchRequestSchema, watchResponseSchema;
var init_batch_api = __esm({
  "src/contract/batch-api.ts"() {
    init_entry_metadata();
    init_gift_fields();
    init_gift_schema();
    init_batch_model();
    init_proxy_api();
    BATCH_MESSAGES = {
      date: "The batch\u2019s received date must be a date like 2026-12-02, or blank for the day each gift is entered",
      count: "The expected number of gifts must be a whole number from 0 to 10,000",
      total: "The expected total must be a whole number of cents, 0 or more",
      name: "A batch name must be at most 80 characters",
      reason: "Say in at most 255 characters why the batch is posted although it does not match the stack"
    };
    code = (max) => z6.string().check(z6.trim(), z6.maxLength(max));
    batchDefaultsSchema = z6.object({
      distribution: code(MAX_LENGTH.distribution),
      campaignCode: code(MAX_LENGTH.campaignCode),
      appealCode: code(MAX_LENGTH.appealCode),
      receivedDate: z6.string().check(z6.regex(/^(\d{4}-\d{2}-\d{2})?$/, BATCH_MESSAGES.date))
    });
    batchExpectedSchema = z6.object({
      count: z6.optional(z6.number().check(z6.int(BATCH_MESSAGES.count), z6.gte(0, BATCH_MESSAGES.count), z6.lte(1e4, BATCH_MESSAGES.count))),
      totalCents: z6.optional(z6.number().check(z6.int(BATCH_MESSAGES.total), z6.gte(0, BATCH_MESSAGES.total)))
    });
    batchSettingsSchema = z6.object({
      name: z6.optional(z6.string().check(z6.trim(), z6.maxLength(80, BATCH_MESSAGES.name))),
      defaults: batchDefaultsSchema,
      expected: batchExpectedSchema,
      /** The staff member's party ID as the page reported it. */
      by: enteredBySchema
    });
    batchSettingsPatchSchema = z6.partial(batchSettingsSchema);
    batchGiftInputSchema = z6.object({
      gift: giftSubmissionSchema,
      donorName: donorNameSchema,
      enteredBy: enteredBySchema
    });
    batchGiftSchema = z6.object({
      transactionId: z6.string(),
      gift: giftSubmissionSchema,
      donorName: z6.optional(z6.string()),
      enteredBy: z6.optional(z6.string()),
      addedAt: z6.string(),
      updatedAt: z6.string(),
      /** Once posted: the gift's state in the queue, as GET /api/gifts/:id reports it. */
      record: z6.optional(giftRecordSchema)
    });
    batchHeadShape = {
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
    batchSchema = z6.object({ ...batchHeadShape, gifts: z6.array(batchGiftSchema) });
    batchSummarySchema = z6.object({ ...batchHeadShape, count: z6.number(), totalCents: z6.number() });
    batchListSchema = z6.object({ batches: z6.array(batchSummarySchema) });
    postBatchSchema = z6.object({
      by: enteredBySchema,
      reason: z6.optional(z6.string().check(z6.trim(), z6.minLength(1, BATCH_MESSAGES.reason), z6.maxLength(255, BATCH_MESSAGES.reason)))
    });
    WATCH_MAX_GIFTS = 500;
    WATCH_MAX_WAIT_MS = 25e3;
    watchRequestSchema = z6.object({
      known: z6.record(z6.string(), giftStatusSchema),
      waitMs: z6.optional(z6.number().check(z6.int(), z6.gte(0), z6.lte(WATCH_MAX_WAIT_MS)))
    });
    watchResponseSchema = z6.object({ gifts: z6.array(giftRecordSchema) });
  }
});

// src/contract/batch-post-gate.ts
function postRefusal(reconciliation) {
  switch (reconciliation.kind) {
    case "match":
      return void 0;
    case "none":
      return "This batch has no expected count or total to check it against; set them, or post anyway with a reason.";
    case "unresolved":
      return `${gifts(reconciliation.refused)} of this batch ${reconciliation.refused === 1 ? "is" : "are"} refused or waiting; resolve them, or post anyway with a reason.`;
    case "differs": {
      const missing = [];
      const extra = [];
      const { count, totalCents } = reconciliation;
      if (count) (count > 0 ? missing : extra).push(gifts(Math.abs(count)));
      if (totalCents) (totalCents > 0 ? missing : extra).push(formatUsd(Math.abs(totalCents) / 100));
      const said = [
        missing.length ? `${missing.join(" and ")} still to enter` : "",
        extra.length ? `${extra.join(" and ")} more than expected` : ""
      ].filter(Boolean);
      const fix = extra.length === 0 ? count === 1 ? "enter it" : "enter them" : missing.length === 0 ? "remove the extra gifts" : "check the rows";
      return `${said.join(", and ")}; ${fix}, correct the expected figures, or post anyway with a reason.`;
    }
  }
}
var gifts;
var init_batch_post_gate = __esm({
  "src/contract/batch-post-gate.ts"() {
    init_gift_summary();
    gifts = (n) => `${n} gift${n === 1 ? "" : "s"}`;
  }
});

// src/contract/imis-party.ts
var init_imis_party = __esm({
  "src/contract/imis-party.ts"() {
  }
});

// src/contract/import-request.ts
function localDateTime(at) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}.${pad(at.getMilliseconds(), 3)}`;
}
function toImportRequest(gift, financialAccountId, receivedAt) {
  const source = {
    ...gift,
    financialAccountId,
    receivedDate: gift.receivedDate ?? localDateTime(receivedAt)
  };
  const request = {};
  for (const field of GIFT_FIELDS) request[field] = source[field] ?? "";
  return request;
}
function importRequestBody(request) {
  if (!PLAIN_AMOUNT_PATTERN.test(String(request.amount))) {
    throw new RangeError(`amount ${String(request.amount)} is not a plain decimal with at most two places`);
  }
  return JSON.stringify(request);
}
var init_import_request = __esm({
  "src/contract/import-request.ts"() {
    init_gift_fields();
    init_gift_schema();
  }
});

// src/contract/session-api.ts
var SESSION_HEADER, SIGN_IN_PATH, SESSION_PATHS, SIGN_IN_MESSAGE, DEMO_SIGN_IN;
var init_session_api = __esm({
  "src/contract/session-api.ts"() {
    SESSION_HEADER = "X-Gift-Session";
    SIGN_IN_PATH = "/sign-in/imis";
    SESSION_PATHS = {
      /** GET: the session the header names; DELETE: sign out. */
      session: "/api/session",
      /** POST: a fresh grant before this one expires (the proxy checks with iMIS that the person still holds the role). */
      renew: "/api/session/renew"
    };
    SIGN_IN_MESSAGE = { granted: "gift-entry:session", refused: "gift-entry:sign-in-refused" };
    DEMO_SIGN_IN = {
      /** Where the stand-in's iMIS site is mounted on the demo proxy (its /token and /api/user are under it). */
      imisPath: "/imis",
      /** The stand-in page holding the Single Sign-On content item. */
      pagePath: "/imis/Staff/Sign_in_to_gift_entry.aspx",
      clientId: "gift-entry-demo",
      clientSecret: "demo-client-app-7Kq2Wx9Rt4",
      entryRole: "GiftEntry",
      supervisorRole: "GiftSupervisor"
    };
  }
});

// src/contract/import-request-schema.ts
import * as z7 from "zod/mini";
var giftImportRequestSchema;
var init_import_request_schema = __esm({
  "src/contract/import-request-schema.ts"() {
    init_gift_schema();
    giftImportRequestSchema = withGiftRules(
      z7.strictObject(
        {
          ...giftShape,
          financialAccountId: z7.int(MESSAGES.financialAccount).check(z7.gt(0, MESSAGES.financialAccount))
        },
        strict
      )
    );
  }
});

// src/contract/upstream-messages.ts
import * as z8 from "zod/mini";
function explainUpstreamRejection(upstreamMessage2) {
  if (DUPLICATE_PATTERN.test(upstreamMessage2)) {
    return {
      kind: "duplicate",
      field: "transactionId",
      message: "This gift was already recorded in iMIS (its transaction ID has been imported before)"
    };
  }
  const known = [
    [UPSTREAM_MESSAGE.transactionIdMissing, "transactionId", "The gift service did not accept the transaction ID"],
    [UPSTREAM_MESSAGE.amountNotPositive, "amount", MESSAGES.amountPositive],
    [/Path 'amount'/, "amount", "The gift service could not read the amount as a number"],
    [/Path 'receivedDate'/, "receivedDate", "The gift service could not read the received date"],
    [UPSTREAM_MESSAGE.fundRequired, "distribution", "Choose a fund: the campaign given is not mapped to a fund in iMIS"],
    [
      UPSTREAM_MESSAGE.financialAccountMissing,
      "financialAccountId",
      "The gift service rejected the financial account ID configured on the proxy; ask your administrator"
    ],
    [UPSTREAM_MESSAGE.contactRequired, "imisId", MESSAGES.contactRequired]
  ];
  for (const [pattern, field, message] of known) {
    const hit = typeof pattern === "string" ? upstreamMessage2 === pattern : pattern.test(upstreamMessage2);
    if (hit) return { kind: "invalid", field, message };
  }
  return { kind: "invalid", message: `The gift service rejected this gift: ${upstreamMessage2}` };
}
var upstreamErrorSchema, DESERIALIZE_PREFIX, UPSTREAM_MESSAGE, DUPLICATE_PATTERN;
var init_upstream_messages = __esm({
  "src/contract/upstream-messages.ts"() {
    init_gift_schema();
    upstreamErrorSchema = z8.object({ Message: z8.string() });
    DESERIALIZE_PREFIX = "Invalid request body (unable to deserialize model). Newtonsoft.Json.JsonReaderException: ";
    UPSTREAM_MESSAGE = {
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
    DUPLICATE_PATTERN = /^Transaction ID (.+) has already been imported\./;
  }
});

// src/contract/index.ts
var init_contract = __esm({
  "src/contract/index.ts"() {
    init_batch_api();
    init_batch_model();
    init_batch_post_gate();
    init_entry_metadata();
    init_gift_fields();
    init_gift_schema();
    init_gift_summary();
    init_imis_party();
    init_import_request();
    init_lookups();
    init_proxy_api();
    init_proxy_routes();
    init_session_api();
    init_session_schema();
    init_import_request_schema();
    init_transaction_id();
    init_upstream_messages();
  }
});

// src/simulator/control.ts
var SimulatorState;
var init_control = __esm({
  "src/simulator/control.ts"() {
    SimulatorState = class {
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
      answerNext(count, answer2) {
        this.canned = { count, answer: answer2 };
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
  }
});

// src/simulator/newtonsoft.ts
function positionAt(text4, index) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index && i < text4.length; i++) {
    if (text4[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, position: index - lineStart + 1 };
}
function skipString(text4, start) {
  let i = start + 1;
  while (i < text4.length && text4[i] !== '"') i += text4[i] === "\\" ? 2 : 1;
  return i;
}
function valueEnd(text4, property) {
  let depth = 0;
  for (let i = 0; i < text4.length; i++) {
    const ch = text4[i];
    if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
    else if (ch === '"') {
      const end = skipString(text4, i);
      const key = text4.slice(i + 1, end);
      let j = end + 1;
      while (/\s/.test(text4[j] ?? "")) j++;
      if (depth === 1 && text4[j] === ":" && JSON.parse(`"${key}"`) === property) {
        j++;
        while (/\s/.test(text4[j] ?? "")) j++;
        if (text4[j] === '"') return skipString(text4, j);
        let k = j;
        while (k < text4.length && !/[,}\]\s]/.test(text4[k])) k++;
        return k - 1;
      }
      i = end;
    }
  }
  return void 0;
}
function parseErrorIndex(error, text4) {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  return match ? Number(match[1]) : text4.length;
}
var init_newtonsoft = __esm({
  "src/simulator/newtonsoft.ts"() {
  }
});

// src/simulator/import-validation.ts
function blank(value) {
  return value === void 0 || value === null || typeof value === "string" && value.trim() === "";
}
function text3(value) {
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
  const transactionId = text3(body.transactionId).trim();
  if (transactionId === "" || transactionId.startsWith("-")) return { status: 400, message: UPSTREAM_MESSAGE.transactionIdMissing };
  if (!(Number(body.amount) > 0)) return { status: 400, message: UPSTREAM_MESSAGE.amountNotPositive };
  if (!(Number(body.financialAccountId) > 0)) return { status: 400, message: UPSTREAM_MESSAGE.financialAccountMissing };
  const hasContact = !blank(body.imisId) || !blank(body.firstName) && !blank(body.lastName) || !blank(body.company);
  if (!hasContact) return { status: 400, message: UPSTREAM_MESSAGE.contactRequired };
  const campaign = text3(body.campaignCode).trim();
  const mapped = blank(body.distribution) ? mapping[campaign] : void 0;
  if (blank(body.distribution) && mapped === void 0) return { status: 400, message: UPSTREAM_MESSAGE.fundRequired };
  if (imported.has(transactionId)) return { status: 400, message: UPSTREAM_MESSAGE.duplicate(transactionId) };
  for (const field of Object.keys(MAX_LENGTH)) {
    if (text3(body[field]).length > MAX_LENGTH[field]) return { status: 500, message: UPSTREAM_MESSAGE.internalError };
  }
  if (poisoned.has(transactionId)) return { status: 500, message: UPSTREAM_MESSAGE.internalError };
  const gift = mapped === void 0 ? { ...body } : { ...body, distribution: mapped, campaignCode: "" };
  return { status: 202, gift };
}
var READER_ERROR, ISO_DATE;
var init_import_validation = __esm({
  "src/simulator/import-validation.ts"() {
    init_contract();
    init_newtonsoft();
    READER_ERROR = "Invalid request body (unable to deserialize model). Newtonsoft.Json.JsonReaderException: ";
    ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
  }
});

// src/simulator/seed-data.ts
var SAMPLE_DISTRIBUTIONS, SAMPLE_APPEALS, SAMPLE_CAMPAIGNS, SAMPLE_CAMPAIGN_MAPPING;
var init_seed_data = __esm({
  "src/simulator/seed-data.ts"() {
    SAMPLE_DISTRIBUTIONS = [
      { Title: "General Fund", Code: "GEN", AppealCode: "", CampaignCode: "" },
      { Title: "Annual Fund", Code: "ANNUAL", AppealCode: "100000", CampaignCode: "ACTS" },
      { Title: "Building Fund", Code: "BUILD", AppealCode: "100004", CampaignCode: "" },
      { Title: "Scholarship Fund", Code: "SCHOL", AppealCode: "", CampaignCode: "AARS" },
      { Title: "Alpha", Code: "ALPHA", AppealCode: "", CampaignCode: "" },
      { Title: "Alpha Gamma", Code: "ALGA", AppealCode: "", CampaignCode: "" },
      { Title: "Zeta Beta", Code: "ZEBE", AppealCode: "", CampaignCode: "" }
    ];
    SAMPLE_APPEALS = [
      { Code: "100000", Description: "100000 - Alpha" },
      { Code: "100004", Description: "100001 - Beta" },
      { Code: "100003", Description: "100002 - Delta" },
      { Code: "SPRING", Description: "SPRING - Spring mailing" },
      { Code: "YEAREND", Description: "YEAREND - Year-end letter" }
    ];
    SAMPLE_CAMPAIGNS = [
      // Longer than campaignCode's 10 characters, exactly as the reference's example lists it.
      { Code: "5K_RUN_WALK", Description: "5K_RUN_WALK - 5K Run/Walk" },
      { Code: "SAFE", Description: "SAFE - A Safe Place" },
      { Code: "ACTS", Description: "ACTS - Acts of Kindness Fund" },
      { Code: "AARS", Description: "AARS - Area Alumnae Recognition Scholarship" },
      { Code: "GALA", Description: "GALA - Spring Gala" }
    ];
    SAMPLE_CAMPAIGN_MAPPING = {
      SAFE: "GEN",
      GALA: "ANNUAL"
    };
  }
});

// src/simulator/server.ts
var server_exports = {};
__export(server_exports, {
  startSimulator: () => startSimulator
});
import { createServer } from "node:http";
import { gzipSync, deflateSync } from "node:zlib";
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
function sendCanned(response, answer2) {
  if (answer2.bomb) {
    const zeros = Buffer.alloc(answer2.bodyBytes ?? BOMB_BYTES);
    const body2 = answer2.bomb === "gzip" ? gzipSync(zeros, { level: 9 }) : deflateSync(zeros, { level: 9 });
    const headers = { "Content-Type": "application/json", "Content-Encoding": answer2.bomb, "Content-Length": String(body2.length) };
    response.writeHead(answer2.status, { ...headers, ...answer2.headers }).end(body2);
    return;
  }
  const body = answer2.bodyBytes !== void 0 ? Buffer.alloc(answer2.bodyBytes, "x") : Buffer.from(answer2.body ?? "");
  response.writeHead(answer2.status, { "Content-Length": String(body.length), ...answer2.headers }).end(body);
}
function transactionIdOf(raw) {
  try {
    const id = JSON.parse(raw).transactionId;
    return typeof id === "string" || typeof id === "number" ? String(id).trim() : void 0;
  } catch {
    return void 0;
  }
}
function readBody2(request) {
  return new Promise((resolve3, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve3(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
async function startSimulator(options) {
  const state = new SimulatorState(options.token, options.processingDelayMs ?? 0);
  const mapping = options.campaignMapping ?? SAMPLE_CAMPAIGN_MAPPING;
  const sockets = /* @__PURE__ */ new Set();
  const timers = /* @__PURE__ */ new Set();
  const wait = (ms) => new Promise((resolve3) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve3();
    }, ms);
    timers.add(timer);
  });
  async function importGift(request, response) {
    const raw = await readBody2(request);
    const call = {
      at: (/* @__PURE__ */ new Date()).toISOString(),
      authorization: request.headers.authorization ?? null,
      acceptEncoding: request.headers["accept-encoding"] ?? null,
      rawBody: raw,
      status: 0
    };
    state.calls.push(call);
    const answer2 = (status, message) => {
      call.status = status;
      if (message !== void 0) call.message = message;
      send(request, response, status, message === void 0 ? void 0 : { Message: message });
    };
    if (!authorized(request)) return answer2(401, UPSTREAM_MESSAGE.unauthorized);
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
      if (fault === "fail" || state.inOutage()) return answer2(500, UPSTREAM_MESSAGE.internalError);
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
        return answer2(202);
      }
      answer2(verdict.status, verdict.message);
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
        knobs = JSON.parse(await readBody2(request));
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
  await new Promise((resolve3, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve3);
  });
  const address = server.address();
  return {
    url: `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`,
    control: state,
    close: () => new Promise((resolve3) => {
      for (const timer of timers) clearTimeout(timer);
      server.close(() => resolve3());
      for (const socket of sockets) socket.destroy();
    })
  };
}
var FORBIDDEN_PAGE, LOOKUPS, BOMB_BYTES;
var init_server = __esm({
  "src/simulator/server.ts"() {
    init_contract();
    init_control();
    init_import_validation();
    init_seed_data();
    FORBIDDEN_PAGE = "<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>Request blocked by policy.</p></body></html>";
    LOOKUPS = {
      [UPSTREAM_LOOKUP_PATHS.distributions]: SAMPLE_DISTRIBUTIONS,
      [UPSTREAM_LOOKUP_PATHS.appeals]: SAMPLE_APPEALS,
      [UPSTREAM_LOOKUP_PATHS.campaigns]: SAMPLE_CAMPAIGNS
    };
    BOMB_BYTES = 10 * 1024 * 1024;
  }
});

// src/proxy/config.ts
init_contract();
import { createHash } from "node:crypto";
import { isIP as isIP2 } from "node:net";
import { resolve } from "node:path";

// src/proxy/loopback.ts
import { isIP } from "node:net";
function isLoopbackHost(host) {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1";
}

// src/proxy/sign-in-config.ts
init_session_api();
var SIGN_IN_SETTINGS = [
  "GIFT_IMIS_URL",
  "GIFT_IMIS_CLIENT_ID",
  "GIFT_IMIS_CLIENT_SECRET",
  "GIFT_IMIS_SIGN_IN_PAGE",
  "GIFT_IMIS_ENTRY_ROLES"
];
function httpsUrl(name, raw, problems) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be a URL like https://myorg.imiscloud.com (got "${raw}")`);
    return void 0;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    problems.push(`${name} must use https: refresh tokens and the client secret would otherwise cross the network in clear text`);
    return void 0;
  }
  if (url.username !== "" || url.password !== "") {
    problems.push(`${name} must not carry a user name or password`);
    return void 0;
  }
  return url.href.replace(/\/+$/, "");
}
function readSignInConfig(read2, problems, options) {
  const sessionMinutes = read2.integer("GIFT_SESSION_MINUTES", 20, 1, 480);
  const supervisorRoles = read2.list("GIFT_IMIS_SUPERVISOR_ROLES");
  const demoFlag = read2.value("GIFT_DEMO_SIGN_IN");
  const given = SIGN_IN_SETTINGS.filter((name) => read2.value(name) !== void 0);
  if (demoFlag !== void 0 && demoFlag !== "0" && demoFlag !== "1") {
    problems.push(`GIFT_DEMO_SIGN_IN must be 1 (sign in through the demo's iMIS stand-in) or 0 (got "${demoFlag}")`);
  }
  if (demoFlag === "1") {
    if (!options.simulated)
      problems.push("GIFT_DEMO_SIGN_IN=1 is for the demo only (no GIFT_API_BASE_URL): set the GIFT_IMIS_ settings instead");
    if (given.length > 0) problems.push(`GIFT_DEMO_SIGN_IN=1 and ${given.join(", ")} are both set: keep only one`);
    return {
      imisBaseUrl: void 0,
      clientId: DEMO_SIGN_IN.clientId,
      clientSecret: DEMO_SIGN_IN.clientSecret,
      pageUrl: DEMO_SIGN_IN.pagePath,
      entryRoles: [DEMO_SIGN_IN.entryRole],
      supervisorRoles: [DEMO_SIGN_IN.supervisorRole],
      sessionMinutes
    };
  }
  if (given.length === 0) {
    const stray = ["GIFT_IMIS_SUPERVISOR_ROLES", "GIFT_SESSION_MINUTES"].filter((name) => read2.value(name) !== void 0);
    if (stray.length > 0)
      problems.push(`${stray.join(" and ")} only matter with sign-in: set ${SIGN_IN_SETTINGS.join(", ")} too, or remove them`);
    return void 0;
  }
  const missing = SIGN_IN_SETTINGS.filter((name) => read2.value(name) === void 0);
  if (missing.length > 0) {
    problems.push(
      `Sign-in through iMIS needs all of ${SIGN_IN_SETTINGS.join(", ")}; ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`
    );
    return void 0;
  }
  const imisBaseUrl = httpsUrl("GIFT_IMIS_URL", read2.value("GIFT_IMIS_URL"), problems);
  const pageUrl = httpsUrl("GIFT_IMIS_SIGN_IN_PAGE", read2.value("GIFT_IMIS_SIGN_IN_PAGE"), problems);
  const clientSecret = read2.value("GIFT_IMIS_CLIENT_SECRET");
  if (clientSecret.length < 8)
    problems.push(
      `GIFT_IMIS_CLIENT_SECRET must be the client secret of the iMIS client application (it has ${clientSecret.length} characters)`
    );
  const entryRoles = read2.list("GIFT_IMIS_ENTRY_ROLES");
  if (entryRoles.length === 0) problems.push("GIFT_IMIS_ENTRY_ROLES must name at least one iMIS role, e.g. GiftEntry");
  if (!imisBaseUrl || !pageUrl) return void 0;
  return {
    imisBaseUrl,
    clientId: read2.value("GIFT_IMIS_CLIENT_ID"),
    clientSecret,
    pageUrl,
    entryRoles,
    supervisorRoles,
    sessionMinutes
  };
}

// src/proxy/typed-settings.ts
var MIN_SECRET_LENGTH = 16;
function placeholderReason(secret) {
  if (/\.\.\.|…/.test(secret)) return 'it contains "...", like the placeholders in README';
  if (/change.?me|placeholder|replace.?(me|this)|your.?(api.?)?(token|key)|example|dummy|secret|password|todo/i.test(secret)) {
    return "it reads like a placeholder word, not a generated value";
  }
  if (/(.)\1{7,}/.test(secret)) return "it repeats one character 8 times or more";
  if (new Set(secret).size < 6) return "it uses fewer than 6 different characters";
  if (secret.length < MIN_SECRET_LENGTH) return `it has ${secret.length} characters, fewer than ${MIN_SECRET_LENGTH}`;
  return void 0;
}
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
function closestName(name, known) {
  const squash = (s) => s.replace(/_/g, "");
  let best;
  for (const candidate of known) {
    const distance = squash(candidate) === squash(name) ? 0 : editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 5)) ? best.name : void 0;
}

// src/proxy/config.ts
var KEY_LABEL = /^[A-Za-z0-9_.-]{1,40}$/;
function namedKey(entry) {
  const split = entry.indexOf("=");
  const label = split > 0 ? entry.slice(0, split).trim() : "";
  const secret = split > 0 ? entry.slice(split + 1).trim() : "";
  if (KEY_LABEL.test(label) && !/^=*$/.test(secret)) return { label, secret };
  return { label: `key-${createHash("sha256").update(entry).digest("hex").slice(0, 8)}`, secret: entry };
}
var ConfigError = class extends Error {
  constructor(problems) {
    super(`The proxy cannot start:
${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
  problems;
};
var LOOPBACK_PROXIES = ["127.0.0.0/8", "::1"];
function randomToken() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url");
}
function readConfig(env) {
  const problems = [];
  const known = /* @__PURE__ */ new Set();
  const value = (name) => {
    known.add(name);
    const raw = env[name]?.trim();
    return raw === "" ? void 0 : raw;
  };
  const list = (name) => (value(name) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const integer = (name, fallback, min, max) => {
    const raw = value(name);
    if (raw === void 0) return fallback;
    const parsed = Number(raw);
    if (!/^\d+$/.test(raw) || parsed < min || parsed > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return parsed;
  };
  const upstreamBaseUrl = value("GIFT_API_BASE_URL")?.replace(/\/+$/, "");
  const embedded = upstreamBaseUrl === void 0;
  if (upstreamBaseUrl !== void 0) {
    let url;
    try {
      url = new URL(upstreamBaseUrl);
    } catch {
      problems.push(`GIFT_API_BASE_URL must be a URL like https://donate.example.org (got "${upstreamBaseUrl}")`);
    }
    if (url && url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
      problems.push("GIFT_API_BASE_URL must use https: the token would otherwise cross the network in clear text");
    }
    if (url && /\/api\/v1/i.test(url.pathname)) {
      problems.push("GIFT_API_BASE_URL is the part before /api/v1/... (e.g. https://donate.example.org), not a full endpoint URL");
    }
    if (url && (url.search !== "" || url.hash !== "" || /[?#]/.test(upstreamBaseUrl))) {
      problems.push("GIFT_API_BASE_URL must not have a ?query or #fragment: request paths are appended to it");
    }
    if (url && (url.username !== "" || url.password !== "")) {
      problems.push("GIFT_API_BASE_URL must not carry a user name or password: the proxy authenticates with GIFT_API_TOKEN");
    }
  }
  const token = value("GIFT_API_TOKEN");
  if (!embedded && token === void 0) problems.push("GIFT_API_TOKEN is required when GIFT_API_BASE_URL is set");
  const weakToken = token === void 0 ? void 0 : placeholderReason(token);
  if (weakToken) problems.push(`GIFT_API_TOKEN does not look like the token CSI issued: ${weakToken}`);
  let financialAccountId = 6;
  const account = value("GIFT_FINANCIAL_ACCOUNT_ID");
  if (account === void 0) {
    if (!embedded) problems.push("GIFT_FINANCIAL_ACCOUNT_ID is required when GIFT_API_BASE_URL is set (CSI provides it)");
  } else if (!/^\d+$/.test(account) || Number(account) <= 0 || !Number.isSafeInteger(Number(account))) {
    problems.push(`GIFT_FINANCIAL_ACCOUNT_ID: ${MESSAGES.financialAccount} (got "${account}")`);
  } else {
    financialAccountId = Number(account);
  }
  const host = value("HOST") ?? "127.0.0.1";
  const port = integer("PORT", 8787, 0, 65535);
  const allowedOrigins = [];
  for (const origin of list("ALLOWED_ORIGINS")) {
    let parsed;
    try {
      parsed = new URL(origin);
    } catch {
    }
    if (!parsed || parsed.origin !== origin.replace(/\/$/, "")) {
      problems.push(`ALLOWED_ORIGINS entry "${origin}" must be an origin like https://myorg.imiscloud.com (scheme and host, no path)`);
    } else {
      allowedOrigins.push(parsed.origin);
    }
  }
  const generate = "generate one with: openssl rand -base64 24";
  const namedKeys = list("GIFT_ENTRY_KEYS").map(namedKey);
  const callerKeys = namedKeys.map((key) => key.secret);
  for (const key of callerKeys) {
    const weak = placeholderReason(key);
    if (key.length < MIN_SECRET_LENGTH) {
      problems.push(`Every GIFT_ENTRY_KEYS entry must be at least ${MIN_SECRET_LENGTH} characters (one has ${key.length})`);
    } else if (weak) problems.push(`A GIFT_ENTRY_KEYS entry is not a usable key: ${weak}; ${generate}`);
  }
  const callerChecksOff = callerKeys.length === 0;
  const adminTokens = list("GIFT_ADMIN_TOKEN");
  for (const adminToken of adminTokens) {
    const weak = placeholderReason(adminToken);
    if (adminToken.length < MIN_SECRET_LENGTH) {
      problems.push(`GIFT_ADMIN_TOKEN must be at least ${MIN_SECRET_LENGTH} characters (it has ${adminToken.length})`);
    } else if (weak) problems.push(`GIFT_ADMIN_TOKEN is not a usable token: ${weak}; ${generate}`);
  }
  if (adminTokens.length > 2) problems.push(`GIFT_ADMIN_TOKEN takes one token, or two while rotating (it has ${adminTokens.length})`);
  if (adminTokens.some((adminToken) => callerKeys.includes(adminToken))) {
    problems.push("GIFT_ADMIN_TOKEN must differ from every GIFT_ENTRY_KEYS entry: caller keys sit in iMIS pages that staff can read");
  }
  if (callerChecksOff && !isLoopbackHost(host)) {
    problems.push(
      `GIFT_ENTRY_KEYS is required when HOST (${host}) is not a loopback address: otherwise anyone who can reach the proxy could record gifts`
    );
  }
  const simulatorFlag = value("GIFT_SIMULATOR");
  if (simulatorFlag !== void 0 && simulatorFlag !== "0" && simulatorFlag !== "1") {
    problems.push(`GIFT_SIMULATOR must be 1 (run the built-in simulator) or 0 (got "${simulatorFlag}")`);
  }
  const simulatorAsked = simulatorFlag === "1";
  if (simulatorAsked && !embedded) problems.push("GIFT_SIMULATOR=1 and GIFT_API_BASE_URL are both set: keep only one");
  const production = [
    callerKeys.length > 0 ? "GIFT_ENTRY_KEYS" : void 0,
    allowedOrigins.length > 0 ? "ALLOWED_ORIGINS" : void 0,
    isLoopbackHost(host) ? void 0 : `HOST=${host}`
  ].filter(Boolean);
  if (embedded && !simulatorAsked && production.length > 0) {
    problems.push(
      `GIFT_API_BASE_URL is not set, so gifts would go to the built-in simulator and never reach iMIS, yet ${production.join(", ")} ${production.length === 1 ? "is" : "are"} set as on a real server. Set GIFT_API_BASE_URL (check its spelling), or GIFT_SIMULATOR=1 to run the simulator on purpose`
    );
  }
  const trustProxy = value("TRUST_PROXY");
  const trustedProxies = [];
  if (trustProxy !== void 0 && trustProxy !== "off") {
    for (const entry of trustProxy === "loopback" ? LOOPBACK_PROXIES : list("TRUST_PROXY")) {
      const [address, bits, extra] = entry.split("/");
      const family = isIP2(address ?? "");
      const maxBits = family === 6 ? 128 : 32;
      if (family === 0 || extra !== void 0 || bits !== void 0 && !(/^\d+$/.test(bits) && Number(bits) <= maxBits)) {
        problems.push(`TRUST_PROXY entry "${entry}" must be an IP address or range like 127.0.0.1 or 10.0.0.0/8 (or TRUST_PROXY=loopback)`);
      } else {
        trustedProxies.push(entry);
      }
    }
  }
  const transactionIdPrefix = value("GIFT_TRANSACTION_PREFIX") ?? "";
  if (!TRANSACTION_ID_PREFIX_PATTERN.test(transactionIdPrefix)) {
    problems.push(`GIFT_TRANSACTION_PREFIX: ${TRANSACTION_ID_PREFIX_MESSAGE} (got "${transactionIdPrefix}")`);
  }
  const delay = value("SIMULATOR_DELAY_MS");
  const simulatorDelay = delay === void 0 || delay === "realistic" ? "realistic" : integer("SIMULATOR_DELAY_MS", 0, 0, 6e4);
  const retention = value("GIFT_JOURNAL_RETENTION_DAYS");
  const retentionDays = retention === "off" ? void 0 : integer("GIFT_JOURNAL_RETENTION_DAYS", 90, 0, 36500);
  const signIn = readSignInConfig({ value, list, integer }, problems, { simulated: embedded });
  const config = {
    signIn,
    upstreamBaseUrl,
    upstreamToken: token ?? randomToken(),
    financialAccountId,
    port,
    host,
    allowedOrigins,
    callerKeys,
    namedKeys,
    callerChecksOff,
    dataDir: resolve(value("DATA_DIR") ?? "./data"),
    transactionIdPrefix,
    upstreamSpacingMs: integer("GIFT_UPSTREAM_SPACING_MS", 500, 0, 6e5),
    upstreamTimeoutMs: integer("GIFT_UPSTREAM_TIMEOUT_MS", 3e4, 100, 6e5),
    answerWaitMs: integer("GIFT_ANSWER_WAIT_MS", 12e3, 0, 6e4),
    retryBaseMs: integer("GIFT_RETRY_BASE_MS", 2e3, 1, 6e5),
    retryMaxMs: integer("GIFT_RETRY_MAX_MS", 3e5, 1, 864e5),
    stuckAfterAttempts: integer("GIFT_STUCK_AFTER_ATTEMPTS", 6, 1, 1e3),
    stuckAfterMs: integer("GIFT_STUCK_AFTER_MS", 18e5, 1, 6048e5),
    requestTimeoutMs: integer("GIFT_REQUEST_TIMEOUT_MS", 3e4, 100, 6e5),
    holdRecheckMs: integer("GIFT_HOLD_RECHECK_MS", 3e5, 10, 864e5),
    lookupsTtlMs: integer("GIFT_LOOKUPS_TTL_MS", 3e5, 0, 864e5),
    simulatorDelay,
    retentionDays,
    adminTokens,
    trustedProxies
  };
  for (const name of Object.keys(env).filter((name2) => name2.startsWith("GIFT_") && !known.has(name2)).sort()) {
    const meant = closestName(name, known);
    problems.push(`${name} is not a setting of this proxy${meant ? `: did you mean ${meant}?` : " (see README: Proxy configuration)"}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

// src/proxy/server.ts
import { serve } from "@hono/node-server";

// src/proxy/app.ts
init_contract();
import { Hono as Hono11 } from "hono";

// src/proxy/caller-checks.ts
init_contract();
init_session_api();
import { getConnInfo } from "@hono/node-server/conninfo";
import { timingSafeEqual } from "node:crypto";
import { BlockList, isIP as isIP3 } from "node:net";

// src/proxy/caller.ts
var LOCAL = { keyLabel: void 0, supervisor: false };
var callers = /* @__PURE__ */ new WeakMap();
function setCaller(c, caller) {
  callers.set(c.req.raw, caller);
}
function callerOf(c) {
  return callers.get(c.req.raw) ?? LOCAL;
}
function scopeOf(caller) {
  if (caller.party) return caller.supervisor ? {} : { partyId: caller.party.id };
  return caller.keyLabel === void 0 ? {} : { keyLabel: caller.keyLabel };
}
function sees(scope, owner) {
  if (scope.partyId !== void 0 && owner.partyId !== scope.partyId) return false;
  if (scope.keyLabel !== void 0 && owner.keyLabel !== scope.keyLabel) return false;
  return true;
}
function scopeCondition(scope, alias = "") {
  const column = (name) => alias ? `${alias}.${name}` : name;
  const parts = [];
  const params = {};
  if (scope.keyLabel !== void 0) {
    parts.push(`${column("caller_key")} = @scopeKey`);
    params.scopeKey = scope.keyLabel;
  }
  if (scope.partyId !== void 0) {
    parts.push(`${column("party_id")} = @scopeParty`);
    params.scopeParty = scope.partyId;
  }
  return { sql: parts.length === 0 ? "1 = 1" : parts.join(" AND "), params };
}
function stamped(caller, metadata) {
  if (!caller.party) return { ...metadata, callerKey: caller.keyLabel };
  return { ...metadata, enteredBy: caller.party.id, callerKey: caller.keyLabel, partyId: caller.party.id, partyName: caller.party.name };
}

// src/proxy/http-problem.ts
function problem(c, status, message, extra = {}) {
  return c.json({ message, ...extra }, status);
}

// src/proxy/key-failures.ts
var DEFAULT_GUESS_POLICY = {
  freeFailures: 3,
  firstDelayMs: 250,
  maxDelayMs: 5e3,
  forgetAfterMs: 15 * 6e4,
  overallPerSecond: 20,
  maxWaitingPerAddress: 1e3,
  summaryEveryMs: 6e4
};
var MAX_TRACKED = 1e4;
var KeyFailures = class {
  /** `event` names the log line: caller_key_refused, admin_token_refused. */
  constructor(event, log = () => {
  }, policy = DEFAULT_GUESS_POLICY) {
    this.event = event;
    this.log = log;
    this.policy = policy;
  }
  event;
  log;
  policy;
  byAddress = /* @__PURE__ */ new Map();
  overallNextAt = 0;
  summary;
  refused = 0;
  /** Wrong guesses since start (for /metrics). */
  get refusedTotal() {
    return this.refused;
  }
  /** True when `address` already has as many wrong guesses waiting as it may: refuse before comparing anything. */
  busy(address) {
    return (this.byAddress.get(address)?.waiting ?? 0) >= this.policy.maxWaitingPerAddress;
  }
  /**
   * Counts a wrong guess from `address` now and returns how long to wait before answering it.
   * Call `answered(address)` once the answer is sent (it frees the waiting slot).
   */
  fail(address, reason, now = Date.now()) {
    const { policy } = this;
    const previous = this.byAddress.get(address);
    const fresh = !previous || now - previous.lastAt >= policy.forgetAfterMs && previous.nextAt <= now;
    const state = fresh ? { count: 0, lastAt: now, nextAt: now, waiting: previous?.waiting ?? 0 } : previous;
    state.count += 1;
    state.lastAt = now;
    state.waiting += 1;
    const over = state.count - policy.freeFailures;
    const gap = over <= 0 ? 0 : Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (over - 1));
    const overallAt = Math.max(now, this.overallNextAt);
    this.overallNextAt = overallAt + 1e3 / policy.overallPerSecond;
    const answerAt = Math.max(Math.max(now, state.nextAt) + gap, overallAt);
    state.nextAt = answerAt;
    this.byAddress.delete(address);
    this.byAddress.set(address, state);
    if (this.byAddress.size > MAX_TRACKED) this.byAddress.delete(this.byAddress.keys().next().value);
    this.refused += 1;
    this.note(address, reason, now);
    return { delayMs: answerAt - now, count: state.count };
  }
  /** Waits out the delay `fail` gave, then frees the slot. */
  async wait(address, delayMs) {
    try {
      if (delayMs > 0) await new Promise((resolve3) => setTimeout(resolve3, delayMs).unref());
    } finally {
      const state = this.byAddress.get(address);
      if (state) state.waiting = Math.max(0, state.waiting - 1);
    }
  }
  /** Writes the pending summary at once (the proxy is stopping). */
  flush() {
    const summary = this.summary;
    if (!summary) return;
    clearTimeout(summary.timer);
    this.summary = void 0;
    const busiest = [...summary.byClient].sort((a, b) => b[1] - a[1]).slice(0, 5);
    this.log("warn", this.event, {
      refused: summary.refused,
      clients: summary.byClient.size,
      byClient: busiest.map(([client, n]) => `${client}:${n}`).join(","),
      reasons: [...summary.byReason].map(([why, n]) => `${why}:${n}`).join(","),
      since: new Date(summary.startedAt).toISOString(),
      note: "wrong guesses are answered ever more slowly per address and overall; a right one is never slowed"
    });
  }
  note(address, reason, now) {
    if (!this.summary) {
      this.log("warn", this.event, {
        client: address,
        reason,
        note: `further wrong guesses in the next ${Math.round(this.policy.summaryEveryMs / 1e3)} s are summarised in one line`
      });
      const timer = setTimeout(() => this.flush(), this.policy.summaryEveryMs);
      timer.unref();
      this.summary = { startedAt: now, refused: 0, byClient: /* @__PURE__ */ new Map(), byReason: /* @__PURE__ */ new Map(), timer };
    }
    const summary = this.summary;
    summary.refused += 1;
    summary.byReason.set(reason, (summary.byReason.get(reason) ?? 0) + 1);
    if (summary.byClient.has(address) || summary.byClient.size < MAX_TRACKED) {
      summary.byClient.set(address, (summary.byClient.get(address) ?? 0) + 1);
    }
  }
};

// src/proxy/caller-checks.ts
function sameSecret(given, expected) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
function plainAddress(address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}
function trustedHops(entries) {
  if (entries.length === 0) return void 0;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const type = isIP3(address) === 6 ? "ipv6" : "ipv4";
    if (bits === void 0) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}
function isTrusted(trusted, address) {
  const family = isIP3(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}
function clientAddress(c, trusted) {
  let peer;
  try {
    peer = plainAddress(getConnInfo(c).remote.address ?? "unknown");
  } catch {
    return "unknown";
  }
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const hops = (c.req.header("X-Forwarded-For") ?? "").split(",").map((hop) => plainAddress(hop.trim())).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (isIP3(hops[i]) === 0) break;
    client = hops[i];
    if (!isTrusted(trusted, client)) break;
  }
  return client;
}
var ALLOWED_REQUEST_HEADERS = `Content-Type, ${CALLER_KEY_HEADER}, ${SESSION_HEADER}, If-None-Match, ${RESPOND_ASYNC.header}`;
function loopbackHostOnly() {
  return async (c, next) => {
    const host = new URL(c.req.url).hostname;
    if (isLoopbackHost(host)) return next();
    return problem(
      c,
      421,
      `This gift proxy runs in local mode (no GIFT_ENTRY_KEYS) and answers only requests addressed to localhost or 127.0.0.1, not to "${host || "(no Host)"}". On a shared server, set GIFT_ENTRY_KEYS.`
    );
  };
}
function callerChecks(config, log = () => {
}, failures = new KeyFailures("caller_key_refused", log)) {
  const trusted = trustedHops(config.trustedProxies ?? []);
  const named = config.namedKeys ?? config.callerKeys.map((secret, i) => ({ label: `key-${i + 1}`, secret }));
  return async (c, next) => {
    const origin = c.req.header("Origin");
    const ownOrigin = new URL(c.req.url).origin;
    const originAllowed = origin === void 0 || origin === ownOrigin || config.allowedOrigins.includes(origin);
    if (!originAllowed) {
      return problem(c, 403, `Pages on ${origin} may not use this gift proxy. Add that origin to ALLOWED_ORIGINS on the proxy.`);
    }
    if (origin !== void 0 && origin !== ownOrigin) {
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Vary", "Origin");
      c.header("Access-Control-Expose-Headers", "ETag");
    }
    if (c.req.method === "OPTIONS") {
      c.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
      c.header("Access-Control-Allow-Headers", ALLOWED_REQUEST_HEADERS);
      c.header("Access-Control-Max-Age", "600");
      return c.body(null, 204);
    }
    if (!config.callerChecksOff) {
      const key = c.req.header(CALLER_KEY_HEADER);
      const address = clientAddress(c, trusted);
      if (failures.busy(address)) {
        c.header("Retry-After", "60");
        return problem(c, 429, "Too many wrong gift entry keys came from this address; wait a minute before trying again.");
      }
      const refuse = async (reason, message) => {
        const { delayMs } = failures.fail(address, reason);
        await failures.wait(address, delayMs);
        return problem(c, 401, message);
      };
      if (key === void 0 || key === "") {
        return refuse(
          "missing",
          `This page has no gift entry key. Set the widget's key attribute (sent as the ${CALLER_KEY_HEADER} header).`
        );
      }
      let match;
      for (const entry of named) if (sameSecret(key, entry.secret)) match ??= entry.label;
      if (match === void 0) {
        return refuse(
          "unknown",
          "The gift entry key is not recognised (it may have been rotated). Ask your administrator for the current key."
        );
      }
      setCaller(c, { keyLabel: match, supervisor: false });
    }
    await next();
  };
}

// src/proxy/http-hygiene.ts
function securityHeaders() {
  return async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    c.res.headers.set("Referrer-Policy", "no-referrer");
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  };
}
function hasBody(request) {
  const length = request.headers.get("Content-Length");
  return length !== null && length !== "0" || request.headers.has("Transfer-Encoding");
}
function closeAfterEarlyAnswer() {
  return async (c, next) => {
    await next();
    if (c.res.status >= 400 && hasBody(c.req.raw) && (c.res.status === 413 || !c.req.raw.bodyUsed)) {
      c.res.headers.set("Connection", "close");
    }
  };
}
function refuseWhileStopping(stopping) {
  return async (c, next) => {
    if (!stopping()) return next();
    c.header("Connection", "close");
    c.header("Retry-After", "5");
    return c.json({ message: "The gift proxy is restarting; try again in a few seconds. Gifts it already acknowledged are kept." }, 503);
  };
}

// src/proxy/routes/admin.ts
import Database from "better-sqlite3";
import { randomBytes, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
import { open, rm, writeFile } from "node:fs/promises";
import { join as join2 } from "node:path";
import { Readable } from "node:stream";
import { Hono as Hono2 } from "hono";

// src/proxy/admin-api.ts
var ADMIN_PATHS = { backup: "/admin/backup", metrics: "/metrics" };
var BACKUP_GIFT_COUNT_HEADER = "X-Gift-Count";
var BACKUP_RETENTION_DAYS_HEADER = "X-Gift-Retention-Days";

// src/proxy/backup-record.ts
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var FILE = "last-backup.json";
function readBackupRecord(dataDir) {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, FILE), "utf8"));
    if (typeof parsed.at !== "number" || typeof parsed.bytes !== "number") return void 0;
    return { at: parsed.at, bytes: parsed.bytes, gifts: typeof parsed.gifts === "number" ? parsed.gifts : 0 };
  } catch {
    return void 0;
  }
}
function writeBackupRecord(dataDir, record4) {
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(record4), { mode: 384 });
  renameSync(`${file}.tmp`, file);
}

// src/proxy/routes/metrics.ts
import { Hono } from "hono";
function metricsRoutes(metrics) {
  const app = new Hono();
  app.get("/", async (c) => {
    const text4 = await metrics.registry.metrics();
    c.header("Content-Type", metrics.registry.contentType);
    c.header("Cache-Control", "no-store");
    return c.body(text4);
  });
  return app;
}

// src/proxy/routes/admin.ts
function sameSecret2(given, expected) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual2(a, b);
}
function requireAdminToken(adminTokens, log, failures = new KeyFailures("admin_token_refused", log), trusted) {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (adminTokens.length === 0) {
      return problem(c, 403, `${path} is off: set GIFT_ADMIN_TOKEN (16 characters or more) in the proxy's environment and restart it.`);
    }
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("Authorization") ?? "")?.[1];
    if (given === void 0) {
      c.header("WWW-Authenticate", 'Bearer realm="gift-proxy-admin"');
      return problem(c, 401, `${path} needs the admin token: send Authorization: Bearer <GIFT_ADMIN_TOKEN>.`);
    }
    const address = clientAddress(c, trusted);
    if (failures.busy(address)) {
      c.header("Retry-After", "60");
      return problem(c, 429, "Too many wrong admin tokens came from this address; wait a minute before trying again.");
    }
    let right = false;
    for (const adminToken of adminTokens) right = sameSecret2(given, adminToken) || right;
    if (!right) {
      await failures.wait(address, failures.fail(address, "unknown").delayMs);
      c.header("WWW-Authenticate", 'Bearer realm="gift-proxy-admin", error="invalid_token"');
      return problem(c, 401, "The admin token is not recognised (it may have been rotated): use the current GIFT_ADMIN_TOKEN.");
    }
    await next();
  };
}
function finishCopy(file) {
  const copy = new Database(file);
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the copy failed SQLite's integrity check (${String(check)})`);
    copy.pragma("journal_mode = DELETE");
    return copy.prepare("SELECT COUNT(*) AS n FROM gifts").get().n;
  } finally {
    copy.close();
  }
}
function adminRoutes(deps) {
  const app = new Hono2();
  const guard = requireAdminToken(deps.config.adminTokens, deps.log, deps.adminGuesses, trustedHops(deps.config.trustedProxies ?? []));
  app.use(ADMIN_PATHS.backup, guard);
  app.use(ADMIN_PATHS.metrics, guard);
  app.post(ADMIN_PATHS.backup, async (c) => {
    const started = Date.now();
    const file = join2(deps.config.dataDir, `backup-${started}-${randomBytes(4).toString("hex")}.db`);
    const discard = () => Promise.all(["", "-journal", "-wal", "-shm"].map((suffix) => rm(`${file}${suffix}`, { force: true })));
    try {
      await writeFile(file, "", { mode: 384, flag: "wx" });
      await deps.outbox.backupTo(file);
      const gifts2 = finishCopy(file);
      const handle = await open(file, "r");
      const { size } = await handle.stat();
      await discard();
      deps.log("info", "backup_taken", { gifts: gifts2, bytes: size, durationMs: Date.now() - started });
      try {
        writeBackupRecord(deps.config.dataDir, { at: started, bytes: size, gifts: gifts2 });
      } catch (error) {
        deps.log("warn", "backup_record_failed", { reason: error instanceof Error ? error.message : String(error) });
      }
      const stamp = new Date(started).toISOString().replace(/[-:]|\.\d+/g, "");
      return new Response(Readable.toWeb(handle.createReadStream()), {
        headers: {
          "Content-Type": "application/vnd.sqlite3",
          "Content-Length": String(size),
          "Content-Disposition": `attachment; filename="gifts-${stamp}.db"`,
          "Cache-Control": "no-store",
          [BACKUP_GIFT_COUNT_HEADER]: String(gifts2),
          [BACKUP_RETENTION_DAYS_HEADER]: String(deps.config.retentionDays ?? "off")
        }
      });
    } catch (error) {
      await discard();
      const reason = error instanceof Error ? error.message : String(error);
      deps.log("error", "backup_failed", { reason });
      return problem(c, 500, `The backup could not be taken (${reason}). The journal itself is untouched; gifts keep flowing.`);
    }
  });
  if (deps.metrics) app.route(ADMIN_PATHS.metrics, metricsRoutes(deps.metrics));
  return app;
}

// src/proxy/routes/batches.ts
init_contract();
import { Hono as Hono3 } from "hono";
import * as z10 from "zod/mini";

// src/proxy/gift-body.ts
init_contract();
var NOT_UTF8_MESSAGE = "The request body is not valid UTF-8 text: send the gift as JSON encoded in UTF-8.";
var NOT_JSON_MESSAGE = "The request body is not valid JSON.";
var utf8 = new TextDecoder("utf-8", { fatal: true });
function readGiftBody(bytes, amountAt = ["amount"]) {
  let text4;
  try {
    text4 = utf8.decode(bytes);
  } catch {
    return { ok: false, message: NOT_UTF8_MESSAGE };
  }
  let value;
  try {
    value = JSON.parse(text4);
  } catch {
    return { ok: false, message: NOT_JSON_MESSAGE };
  }
  const amount = numberTextAt(text4, amountAt);
  if (amount !== void 0 && !hasAtMostCentsAsWritten(amount)) return { ok: false, message: MESSAGES.amountCents, field: "amount" };
  return { ok: true, value };
}
var NUMBER = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
function hasAtMostCentsAsWritten(literal) {
  const match = NUMBER.exec(literal);
  if (!match) return false;
  const fraction = match[2] ?? "";
  let digits = `${match[1]}${fraction}`;
  let scale = fraction.length - Number(match[3] ?? "0");
  while (scale > 2 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    scale--;
  }
  return scale <= 2;
}
function topLevelNumberText(json, key) {
  const literal = topLevelValueText(json, key);
  return literal !== void 0 && NUMBER.test(literal) ? literal : void 0;
}
function numberTextAt(json, path) {
  let text4 = json;
  for (const key of path.slice(0, -1)) text4 = text4 === void 0 ? void 0 : topLevelValueText(text4, key);
  return text4 === void 0 ? void 0 : topLevelNumberText(text4, path.at(-1));
}
function topLevelValueText(json, key) {
  let found;
  let i = skipSpace(json, 0);
  if (json[i] !== "{") return void 0;
  i = skipSpace(json, i + 1);
  while (i < json.length && json[i] !== "}") {
    const keyEnd = stringEnd(json, i);
    const name = JSON.parse(json.slice(i, keyEnd));
    i = skipSpace(json, skipSpace(json, keyEnd) + 1);
    const valueEnd2 = valueEndAt(json, i);
    if (name === key) found = json.slice(i, valueEnd2);
    i = skipSpace(json, valueEnd2);
    if (json[i] === ",") i = skipSpace(json, i + 1);
  }
  return found;
}
function skipSpace(json, i) {
  while (i < json.length && (json[i] === " " || json[i] === "\n" || json[i] === "\r" || json[i] === "	")) i++;
  return i;
}
function stringEnd(json, i) {
  for (let j = i + 1; j < json.length; j++) {
    if (json[j] === "\\") j++;
    else if (json[j] === '"') return j + 1;
  }
  return json.length;
}
function valueEndAt(json, i) {
  if (json[i] === '"') return stringEnd(json, i);
  if (json[i] === "{" || json[i] === "[") {
    let depth = 0;
    for (let j2 = i; j2 < json.length; j2++) {
      const c = json[j2];
      if (c === '"') j2 = stringEnd(json, j2) - 1;
      else if (c === "{" || c === "[") depth++;
      else if ((c === "}" || c === "]") && --depth === 0) return j2 + 1;
    }
    return json.length;
  }
  let j = i;
  while (j < json.length && !",}] \n\r	".includes(json[j])) j++;
  return j;
}

// src/proxy/gift-intake.ts
init_contract();
import { bodyLimit } from "hono/body-limit";
import * as z9 from "zod/mini";
var MAX_GIFT_BODY_BYTES = 16 * 1024;
function giftJsonBody(what = { a: "A gift", the: "the gift" }) {
  const limit = bodyLimit({
    maxSize: MAX_GIFT_BODY_BYTES,
    onError: (c) => problem(c, 413, `${what.a} must be under ${MAX_GIFT_BODY_BYTES / 1024} KB of JSON; this one is larger.`)
  });
  return async (c, next) => {
    if (!/^application\/json\b/i.test(c.req.header("Content-Type") ?? "")) {
      return problem(c, 415, `Send ${what.the} as JSON with the header Content-Type: application/json.`);
    }
    return limit(c, next);
  };
}
async function readJsonObject(c, what = "one gift", amountAt = ["amount"]) {
  const read2 = readGiftBody(new Uint8Array(await c.req.arrayBuffer()), amountAt);
  if (!read2.ok) return new BodyProblem(read2.message, read2.field);
  const body = read2.value;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return new BodyProblem(`Send ${what} as a JSON object.`);
  return body;
}
var BodyProblem = class {
  constructor(message, field) {
    this.message = message;
    this.field = field;
  }
  message;
  field;
  answer(c) {
    return problem(c, 400, this.message, this.field ? { field: this.field } : {});
  }
};
function asField(segment) {
  return GIFT_FIELDS.includes(segment) ? segment : void 0;
}
function readGiftEntry(giftBody, reportedBy, shownName, config) {
  const enteredBy = z9.safeParse(enteredBySchema, reportedBy);
  if (!enteredBy.success) return { ok: false, error: { message: ENTERED_BY_MESSAGE } };
  const donorName = z9.safeParse(donorNameSchema, shownName);
  if (!donorName.success) return { ok: false, error: { message: donorName.error.issues[0]?.message ?? DONOR_NAME_MESSAGES.type } };
  if ("financialAccountId" in giftBody) {
    return {
      ok: false,
      error: {
        message: "Leave out financialAccountId: the proxy adds the account configured for this organisation.",
        field: "financialAccountId"
      }
    };
  }
  const parsed = z9.safeParse(giftSubmissionSchema, giftBody);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ message: issue.message, field: asField(issue.path[0]) }));
    return { ok: false, error: { message: problems[0].message, field: problems[0].field, problems } };
  }
  const gift = parsed.data;
  if (!gift.transactionId.startsWith(config.transactionIdPrefix)) {
    return {
      ok: false,
      error: {
        message: `Transaction ID must start with this organisation's prefix "${config.transactionIdPrefix}".`,
        field: "transactionId"
      }
    };
  }
  return { ok: true, gift, metadata: { enteredBy: enteredBy.data, donorName: donorName.data || void 0 } };
}

// src/proxy/outbox.ts
init_contract();
import Database3 from "better-sqlite3";

// src/proxy/journal-file.ts
import Database2 from "better-sqlite3";
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join3 } from "node:path";

// src/proxy/journal-schema.ts
var MIGRATIONS = [
  {
    change: "the gifts table of the first release",
    sql: `
      CREATE TABLE IF NOT EXISTS gifts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        transaction_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        request TEXT NOT NULL,
        message TEXT,
        field TEXT,
        upstream_message TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        uncertain INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS gifts_pending ON gifts (status, seq);
      CREATE INDEX IF NOT EXISTS gifts_created ON gifts (created_at);`
  },
  {
    change: "who entered each gift, and the retention mark (columns entered_by, redacted)",
    sql: `
      ALTER TABLE gifts ADD COLUMN entered_by TEXT;
      ALTER TABLE gifts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;`
  },
  {
    change: "the donor name picked in iMIS and the failure run that sets a gift aside (donor_name, failures, failing_since)",
    sql: `
      ALTER TABLE gifts ADD COLUMN donor_name TEXT;
      ALTER TABLE gifts ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE gifts ADD COLUMN failing_since INTEGER;
      CREATE TABLE IF NOT EXISTS write_probe (id INTEGER PRIMARY KEY, at TEXT NOT NULL);`
  },
  {
    change: "batches kept for review before posting (tables batches, batch_gifts)",
    sql: `
      CREATE TABLE IF NOT EXISTS batches (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        state TEXT NOT NULL,
        defaults TEXT NOT NULL,
        expected_count INTEGER,
        expected_total_cents INTEGER,
        opened_by TEXT,
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        posted_by TEXT,
        posted_at TEXT,
        post_reason TEXT
      );
      CREATE INDEX IF NOT EXISTS batches_state ON batches (state, seq);
      CREATE TABLE IF NOT EXISTS batch_gifts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id TEXT NOT NULL REFERENCES batches (id),
        transaction_id TEXT NOT NULL UNIQUE,
        gift TEXT NOT NULL,
        donor_name TEXT,
        entered_by TEXT,
        added_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS batch_gifts_batch ON batch_gifts (batch_id, seq);`
  },
  {
    change: "the retention mark of batch rows (batch_gifts.redacted)",
    sql: `ALTER TABLE batch_gifts ADD COLUMN redacted INTEGER NOT NULL DEFAULT 0;`
  },
  {
    change: "who may see each gift and batch (caller_key, the verified party_id and party_name), who re-queued a gift (requeued_by), and sign-in sessions (table sessions)",
    // Rows from before keep caller_key NULL: no key sees them; a supervisor (or local mode) does.
    sql: `
      ALTER TABLE gifts ADD COLUMN caller_key TEXT;
      ALTER TABLE gifts ADD COLUMN party_id TEXT;
      ALTER TABLE gifts ADD COLUMN party_name TEXT;
      ALTER TABLE gifts ADD COLUMN requeued_by TEXT;
      CREATE INDEX IF NOT EXISTS gifts_caller ON gifts (caller_key, created_at);
      CREATE INDEX IF NOT EXISTS gifts_party ON gifts (party_id, created_at);
      ALTER TABLE batches ADD COLUMN caller_key TEXT;
      ALTER TABLE batches ADD COLUMN party_id TEXT;
      ALTER TABLE batch_gifts ADD COLUMN caller_key TEXT;
      ALTER TABLE batch_gifts ADD COLUMN party_id TEXT;
      ALTER TABLE batch_gifts ADD COLUMN party_name TEXT;
      CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY,
        party_id TEXT NOT NULL,
        party_name TEXT NOT NULL,
        supervisor INTEGER NOT NULL,
        refresh_token TEXT NOT NULL,
        user_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at);`
  }
];
var JOURNAL_SCHEMA_VERSION = MIGRATIONS.length;
var JournalTooNewError = class extends Error {
  constructor(file, version) {
    super(
      `The gift journal ${file} has schema version ${version}, newer than this release understands (${JOURNAL_SCHEMA_VERSION}): it was written by a later release. Run that release again, or restore the backup taken before the upgrade (README: Rolling back).`
    );
  }
};
function unversionedSchema(db) {
  const columns = new Set(db.pragma("table_info(gifts)").map((c) => c.name));
  if (columns.size === 0) return 0;
  if (columns.has("donor_name")) return 3;
  if (columns.has("entered_by")) return 2;
  return 1;
}
function migrateJournal(db, file, log) {
  const stored = db.pragma("user_version", { simple: true });
  if (stored > JOURNAL_SCHEMA_VERSION) throw new JournalTooNewError(file, stored);
  const found = stored === 0 ? unversionedSchema(db) : stored;
  if (found === 0) {
    db.transaction(() => {
      for (const step of MIGRATIONS) db.exec(step.sql);
      db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION}`);
    })();
    log("info", "journal_created", { file, schemaVersion: JOURNAL_SCHEMA_VERSION });
    return 0;
  }
  if (stored === 0) {
    db.pragma(`user_version = ${found}`);
    log("info", "journal_versioned", {
      file,
      schemaVersion: found,
      note: "written before schema versions were kept; recognised by its columns"
    });
  }
  for (let version = found; version < JOURNAL_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS[version];
    const started = Date.now();
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
    log("info", "journal_migrated", {
      file,
      fromVersion: version,
      toVersion: version + 1,
      change: step.change,
      durationMs: Date.now() - started
    });
  }
  return found;
}

// src/proxy/journal-file.ts
var JOURNAL_FILE = "gifts.db";
var JOURNAL_MARKER = "gifts.db.marker";
var LOCK_FILE = "proxy.lock";
var JOURNAL_CACHE_KB = 512;
var JOURNAL_BUSY_TIMEOUT_MS = 5e3;
var MARKER_TEXT = "This directory holds the gift proxy journal (gifts.db). While this file is here the proxy refuses to start\nif gifts.db is missing or empty, so queued gifts never vanish unnoticed. Restore gifts.db from a backup;\nremove this file only to start with an empty journal on purpose.\n";
var OutboxLockedError = class extends Error {
  constructor(dataDir) {
    super(
      `Another gift proxy is already using ${dataDir} (it holds ${join3(dataDir, LOCK_FILE)}). Stop it, or give this one its own DATA_DIR.`
    );
  }
};
var DataDirError = class extends Error {
};
function codeOf(error) {
  return error && typeof error === "object" && "code" in error ? String(error.code) : void 0;
}
function isDiskFull(code2) {
  return code2 === "SQLITE_FULL" || code2 === "ENOSPC" || code2 === "EDQUOT";
}
function diskFull(dataDir, code2) {
  return new DataDirError(
    `DATA_DIR ${dataDir} is on a full disk (${code2}): the gift journal cannot be opened. Free space there, then start again.`
  );
}
function journalStartFailure(dataDir, error) {
  if (error instanceof DataDirError || error instanceof OutboxLockedError) return error;
  const code2 = codeOf(error);
  if (isDiskFull(code2)) return diskFull(dataDir, code2);
  if (error instanceof Error && !code2) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DataDirError(`The gift journal ${join3(dataDir, JOURNAL_FILE)} cannot be opened: ${reason}${code2 ? ` (${code2})` : ""}.`);
}
function prepareDataDir(dataDir) {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 448 });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const code2 = codeOf(error) ?? "unknown error";
    if (isDiskFull(code2)) throw diskFull(dataDir, code2);
    const why = code2 === "EACCES" || code2 === "EROFS" || code2 === "EPERM" ? "is not writable by this process" : "cannot be created or used";
    throw new DataDirError(`DATA_DIR ${dataDir} ${why} (${code2}): the gift journal must live in a directory the proxy can write.`);
  }
}
function createPrivate(file) {
  if (!existsSync(file)) closeSync(openSync(file, "a", 384));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 384);
}
function lockDataDir(dataDir) {
  const file = join3(dataDir, LOCK_FILE);
  createPrivate(file);
  const lock = new Database2(file, { timeout: 0 });
  try {
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.exec("CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;");
    lock.prepare("INSERT INTO holder (pid) VALUES (?)").run(process.pid);
  } catch (error) {
    lock.close();
    if (String(codeOf(error)).startsWith("SQLITE_BUSY") || codeOf(error) === "SQLITE_LOCKED") throw new OutboxLockedError(dataDir);
    throw error;
  }
  return lock;
}
function sizeOf(path) {
  try {
    return statSync(path).size;
  } catch {
    return void 0;
  }
}
function refuseVanishedJournal(dataDir, file) {
  if (!existsSync(join3(dataDir, JOURNAL_MARKER))) return;
  const size = sizeOf(file);
  if (size !== void 0 && (size > 0 || (sizeOf(`${file}-wal`) ?? 0) > 0)) return;
  throw new DataDirError(
    `DATA_DIR ${dataDir} has held a gift journal, but ${file} is ${size === void 0 ? "missing" : "empty"}: gifts it held would be lost. Restore gifts.db from a backup (README: Restoring), or remove ${join3(dataDir, JOURNAL_MARKER)} to start with an empty journal on purpose.`
  );
}
function openJournal(dataDir, options = {}) {
  const log = options.log ?? (() => {
  });
  prepareDataDir(dataDir);
  const file = join3(dataDir, JOURNAL_FILE);
  let lock;
  let db;
  try {
    lock = lockDataDir(dataDir);
    refuseVanishedJournal(dataDir, file);
    createPrivate(file);
    db = new Database2(file, { timeout: JOURNAL_BUSY_TIMEOUT_MS });
    options.onOpen?.(db);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma(`cache_size = -${JOURNAL_CACHE_KB}`);
    db.pragma("secure_delete = ON");
    migrateJournal(db, file, log);
    createPrivate(file);
    if (!existsSync(join3(dataDir, JOURNAL_MARKER))) writeFileSync2(join3(dataDir, JOURNAL_MARKER), MARKER_TEXT, { mode: 384 });
  } catch (error) {
    db?.close();
    lock?.close();
    throw journalStartFailure(dataDir, error);
  }
  const opened = db;
  const held = lock;
  return {
    db: opened,
    close() {
      opened.close();
      held.close();
    }
  };
}

// src/proxy/journal-retention.ts
init_gift_fields();
function retentionCutoff(days, now = Date.now()) {
  return new Date(now - days * 864e5).toISOString();
}
function reconciliationOnly(json) {
  const kept = Object.entries(JSON.parse(json)).map(([field, value]) => [
    field,
    RECONCILIATION_FIELDS.has(field) ? value : ""
  ]);
  return JSON.stringify(Object.fromEntries(kept));
}
function redactSettledGifts(db, cutoff) {
  const rows = db.prepare(`SELECT transaction_id, request FROM gifts WHERE redacted = 0 AND status IN ('accepted', 'rejected') AND created_at < ?`).all(cutoff);
  const update = db.prepare(`UPDATE gifts SET request = ?, donor_name = NULL, redacted = 1 WHERE transaction_id = ?`);
  db.transaction(() => {
    for (const row of rows) update.run(reconciliationOnly(row.request), row.transaction_id);
  })();
  return rows.length;
}
function redactPostedBatchRows(db, cutoff) {
  const rows = db.prepare(
    `SELECT g.seq, g.gift FROM batch_gifts g JOIN batches b ON b.id = g.batch_id
       WHERE g.redacted = 0 AND b.state = 'posted' AND b.posted_at < ?`
  ).all(cutoff);
  const update = db.prepare("UPDATE batch_gifts SET gift = ?, donor_name = NULL, redacted = 1 WHERE seq = ?");
  db.transaction(() => {
    for (const row of rows) update.run(reconciliationOnly(row.gift), row.seq);
  })();
  return rows.length;
}

// src/proxy/outbox.ts
var Outbox = class {
  db;
  file;
  /** Opens (or creates, or upgrades) the journal in `dataDir`: see journal-file.ts for what it refuses. */
  constructor(dataDir, options = {}) {
    this.file = openJournal(dataDir, options);
    this.db = this.file.db;
  }
  /**
   * Whether the journal takes a write right now (disk full, read-only file system or a
   * broken disk all fail here), so /healthz can say so before a gift is refused.
   */
  checkWritable() {
    try {
      this.db.prepare("INSERT INTO write_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at").run((/* @__PURE__ */ new Date()).toISOString());
      return { writable: true };
    } catch (error) {
      return { writable: false, reason: storageFailure(error) };
    }
  }
  close() {
    this.file.close();
  }
  /** The journal's connection, for stores that must commit in one transaction with it (open batches). */
  get database() {
    return this.db;
  }
  get(transactionId) {
    const row = this.db.prepare("SELECT * FROM gifts WHERE transaction_id = ?").get(transactionId);
    return row && toStored(row);
  }
  /** Stores a new gift, or replaces a rejected one that staff corrected and resent. */
  enqueue(request, status, message, metadata = {}) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const json = JSON.stringify(request);
    this.db.prepare(
      `INSERT INTO gifts (transaction_id, status, request, message, entered_by, donor_name, caller_key, party_id, party_name, created_at, updated_at)
         VALUES (@id, @status, @json, @message, @enteredBy, @donorName, @callerKey, @partyId, @partyName, @now, @now)
         ON CONFLICT (transaction_id) DO UPDATE SET
           status = @status, request = @json, message = @message, field = NULL, upstream_message = NULL,
           uncertain = 0, next_attempt_at = 0, failures = 0, failing_since = NULL,
           entered_by = @enteredBy, donor_name = @donorName, caller_key = @callerKey, party_id = @partyId,
           party_name = @partyName, updated_at = @now
         WHERE gifts.status = 'rejected'`
    ).run({
      id: request.transactionId,
      status,
      json,
      message: message ?? null,
      enteredBy: metadata.enteredBy ?? null,
      donorName: metadata.donorName ?? null,
      callerKey: metadata.callerKey ?? null,
      partyId: metadata.partyId ?? null,
      partyName: metadata.partyName ?? null,
      now
    });
    return this.get(request.transactionId);
  }
  /**
   * The gift to send next: of those due now, the one due longest, so new gifts go in
   * arrival order and a gift retried after a failure neither holds the others nor is
   * tried over and over ahead of them; when none is due, the one due soonest.
   */
  head(now = Date.now()) {
    const row = this.db.prepare(
      `SELECT * FROM gifts WHERE status IN ('queued', 'sending')
         ORDER BY next_attempt_at > @now, next_attempt_at, seq LIMIT 1`
    ).get({ now });
    return row && toStored(row);
  }
  /**
   * Recorded (synchronously, on disk) before the upstream call: from here on the upstream
   * may hold the gift, so if anything fails before the verdict is stored — a crash, a full
   * disk — the resend's "duplicate" answer reads as recorded, never as rejected.
   */
  markSending(transactionId) {
    this.db.prepare(`UPDATE gifts SET status = 'sending', attempts = attempts + 1, uncertain = 1, updated_at = ? WHERE transaction_id = ?`).run((/* @__PURE__ */ new Date()).toISOString(), transactionId);
  }
  settle(transactionId, outcome) {
    this.db.prepare(
      `UPDATE gifts SET status = @status, message = @message, field = @field, upstream_message = @upstream,
           uncertain = CASE WHEN @uncertain IS NULL THEN uncertain ELSE @uncertain END,
           failures = CASE WHEN @failures IS NULL THEN failures ELSE @failures END,
           failing_since = CASE WHEN @keepFailingSince = 1 THEN failing_since ELSE @failingSince END,
           next_attempt_at = @next, updated_at = @now
         WHERE transaction_id = @id`
    ).run({
      id: transactionId,
      status: outcome.status,
      message: outcome.message ?? null,
      field: outcome.field ?? null,
      upstream: outcome.upstreamMessage ?? null,
      uncertain: outcome.uncertain === void 0 ? null : outcome.uncertain ? 1 : 0,
      failures: outcome.failures ?? null,
      keepFailingSince: outcome.failingSince === void 0 ? 1 : 0,
      failingSince: outcome.failingSince ?? null,
      next: outcome.nextAttemptAt ?? 0,
      now: (/* @__PURE__ */ new Date()).toISOString()
    });
    return this.get(transactionId);
  }
  /**
   * Puts a stuck gift back in the queue, in its original place, once someone has fixed
   * the cause. It stays uncertain: one of its attempts may have landed upstream.
   */
  requeue(transactionId, message, by) {
    const changed = this.db.prepare(
      `UPDATE gifts SET status = 'queued', message = ?, failures = 0, failing_since = NULL, next_attempt_at = 0, updated_at = ?,
           requeued_by = COALESCE(?, requeued_by)
         WHERE transaction_id = ? AND status = 'stuck'`
    ).run(message, (/* @__PURE__ */ new Date()).toISOString(), by ?? null, transactionId).changes;
    return changed === 1 ? this.get(transactionId) : void 0;
  }
  /** Puts every stuck gift `scope` sees back in the queue, in its place (an operator's "retry all"); returns how many. */
  requeueAllStuck(message, scope = {}, by) {
    const visible = scopeCondition(scope);
    return this.db.prepare(
      `UPDATE gifts SET status = 'queued', message = @message, failures = 0, failing_since = NULL, next_attempt_at = 0,
           updated_at = @now, requeued_by = COALESCE(@by, requeued_by)
         WHERE status = 'stuck' AND ${visible.sql}`
    ).run({ message, now: (/* @__PURE__ */ new Date()).toISOString(), by: by ?? null, ...visible.params }).changes;
  }
  /**
   * Stuck gifts an outage, not the gifts themselves, made fail go back in the queue, in
   * their place. Their failures stay counted: should one fail again once other gifts get
   * through, it is its own cause. Returns how many were put back.
   */
  putBack(transactionIds, message) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const back = this.db.prepare(
      `UPDATE gifts SET status = 'queued', message = ?, next_attempt_at = 0, updated_at = ? WHERE transaction_id = ? AND status = 'stuck'`
    );
    let putBack = 0;
    this.db.transaction(() => {
      for (const id of transactionIds) putBack += back.run(message, now, id).changes;
    })();
    return putBack;
  }
  /** Moves every gift waiting to go from one state to another (hold and release on a 401). */
  moveWaiting(from, to, message) {
    const states = from === "queued" ? `('queued', 'sending')` : `('held')`;
    return this.db.prepare(`UPDATE gifts SET status = ?, message = ?, updated_at = ? WHERE status IN ${states}`).run(to, message, (/* @__PURE__ */ new Date()).toISOString()).changes;
  }
  /**
   * After a crash or restart: a gift caught mid-send may have reached the upstream,
   * so it goes back to the queue marked uncertain; held and backing-off gifts get a
   * fresh try at once, since a restart is usually someone fixing the cause.
   */
  recover() {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    this.db.prepare(`UPDATE gifts SET uncertain = 1 WHERE status = 'sending'`).run();
    return this.db.prepare(
      `UPDATE gifts SET status = 'queued', message = CASE WHEN status = 'held' THEN NULL ELSE message END,
           next_attempt_at = 0, updated_at = ? WHERE status IN ('queued', 'sending', 'held')`
    ).run(now).changes;
  }
  depth() {
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM gifts WHERE status IN ('queued', 'sending', 'held')`).get();
    return row.n;
  }
  /** When the oldest gift still waiting to go upstream was entered (ISO), if one is waiting: for /metrics. */
  oldestWaitingSince() {
    const row = this.db.prepare(`SELECT MIN(created_at) AS at FROM gifts WHERE status IN ('queued', 'sending', 'held')`).get();
    return row.at ?? void 0;
  }
  stuckCount() {
    return this.db.prepare(`SELECT COUNT(*) AS n FROM gifts WHERE status = 'stuck'`).get().n;
  }
  /**
   * Retention: settled gifts entered before `cutoff` keep only what finance reconciles
   * (transactionId, amount, fund codes, dates, status); names, contact details and
   * notes are blanked. Gifts still waiting to be sent keep everything they need.
   */
  redactSettledBefore(cutoff) {
    return redactSettledGifts(this.db, cutoff);
  }
  /** Recent gifts `scope` sees, newest first, each with the fields sent upstream (for reconciliation and CSV). */
  journal(since, limit, scope = {}) {
    const visible = scopeCondition(scope);
    const rows = this.db.prepare(`SELECT * FROM gifts WHERE created_at >= @since AND ${visible.sql} ORDER BY seq DESC LIMIT @limit`).all({ since, limit, ...visible.params });
    return rows.map((row) => {
      const { record: record4, request } = toStored(row);
      return { ...record4, gift: request };
    });
  }
  /** How many gifts the journal holds in each status (for /metrics). */
  countByStatus() {
    return this.db.prepare("SELECT status, COUNT(*) AS count FROM gifts GROUP BY status").all();
  }
  /**
   * A consistent copy of the journal in `file`, by SQLite's online backup through this
   * connection. Gifts written meanwhile go through this same connection and SQLite carries
   * them into the copy, so the copy is never torn.
   */
  async backupTo(file) {
    await this.db.backup(file, { progress: () => 64 });
    const copy = new Database3(file);
    try {
      if (copy.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'`).get()) {
        copy.pragma("secure_delete = ON");
        copy.exec("DELETE FROM sessions");
        copy.exec("VACUUM");
      }
    } finally {
      copy.close();
    }
  }
};
function storageFailure(error) {
  const code2 = error && typeof error === "object" && "code" in error ? String(error.code) : void 0;
  const what = code2 === "SQLITE_FULL" ? "the disk is full" : code2 === "SQLITE_READONLY" ? "the journal is read-only" : "the journal could not be written";
  return `${what}${code2 ? ` (${code2})` : ""}`;
}
function donorOf(row, request) {
  if (row.redacted === 1) return REDACTED_DONOR;
  if (row.donor_name !== null && request.imisId) return donorWithName(row.donor_name, request.imisId);
  return donorDisplayName(request);
}
function toStored(row) {
  const request = JSON.parse(row.request);
  const record4 = {
    transactionId: row.transaction_id,
    status: row.status,
    amount: request.amount,
    donor: donorOf(row, request),
    distribution: request.distribution || request.campaignCode || "",
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
  if (row.message !== null) record4.message = row.message;
  if (row.field !== null) record4.field = row.field;
  if (row.upstream_message !== null) record4.upstreamMessage = row.upstream_message;
  if (row.entered_by !== null) record4.enteredBy = row.entered_by;
  return {
    record: record4,
    request,
    uncertain: row.uncertain === 1,
    nextAttemptAt: row.next_attempt_at,
    failures: row.failures,
    failingSince: row.failing_since ?? void 0,
    owner: { keyLabel: row.caller_key ?? void 0, partyId: row.party_id ?? void 0 }
  };
}

// src/proxy/routes/batches.ts
var TransactionIdTaken = class extends Error {
  constructor(transactionId) {
    super(`Transaction ID ${transactionId} is already in the gift journal`);
    this.transactionId = transactionId;
  }
  transactionId;
};
var notFound = (c, id) => problem(c, 404, `No batch ${id} is kept at this proxy; it may have been opened elsewhere.`);
var postedAlready = (c, batch) => problem(
  c,
  409,
  `This batch was posted on ${batch.postedAt?.slice(0, 10) ?? "an earlier day"} by ${batch.postedBy ?? "someone who did not give a party ID"}; it can no longer be changed.`
);
var cannotStore = (c, error) => problem(
  c,
  503,
  `The proxy cannot store batches right now: ${storageFailure(error)}. Nothing was changed; try again once an administrator has fixed the proxy's storage.`
);
var SETTINGS_BODY = giftJsonBody({ a: "Batch settings", the: "the batch settings" });
var ROW_BODY = giftJsonBody({ a: "A batch row", the: "the batch row" });
async function readBody(c, schema, what) {
  const body = await readJsonObject(c, what);
  if (body instanceof BodyProblem) return body.answer(c);
  const parsed = z10.safeParse(schema, body);
  if (!parsed.success) return problem(c, 400, parsed.error.issues[0]?.message ?? `Send ${what} as the API describes.`);
  return parsed.data;
}
function batchRoutes({ config, outbox, batches, dispatcher, changes, log }) {
  const app = new Hono3();
  const visible = (c, id) => {
    const owner = batches.ownerOf(id);
    return owner && sees(scopeOf(callerOf(c)), owner) ? batches.get(id) : void 0;
  };
  const actor = (c, reported) => callerOf(c).party?.id ?? reported;
  app.post("/", SETTINGS_BODY, async (c) => {
    const settings = await readBody(c, batchSettingsSchema, "the batch settings");
    if (settings instanceof Response) return settings;
    const caller = callerOf(c);
    const by = actor(c, settings.by);
    let batch;
    try {
      batch = batches.open({ ...settings, by }, stamped(caller, {}));
    } catch (error) {
      return cannotStore(c, error);
    }
    log("info", "batch_opened", { batchId: batch.id, by, callerLabel: caller.keyLabel, expectedCount: settings.expected.count });
    return c.json(batch, 201);
  });
  app.get("/", (c) => {
    const state = c.req.query("state") ?? "open";
    if (!BATCH_STATES.includes(state)) {
      return problem(c, 400, `"state" must be ${BATCH_STATES.join(" or ")} (got "${state}").`);
    }
    return c.json({ batches: batches.list(state, scopeOf(callerOf(c))) });
  });
  app.get("/:id", (c) => {
    const batch = visible(c, c.req.param("id"));
    return batch ? c.json(batch) : notFound(c, c.req.param("id"));
  });
  app.patch("/:id", SETTINGS_BODY, async (c) => {
    const id = c.req.param("id");
    const settings = await readBody(c, batchSettingsPatchSchema, "the batch settings");
    if (settings instanceof Response) return settings;
    const before = visible(c, id);
    if (!before) return notFound(c, id);
    if (before.state !== "open") return postedAlready(c, before);
    let batch;
    try {
      batch = batches.update(id, settings);
    } catch (error) {
      return cannotStore(c, error);
    }
    const changed = ["name", "defaults", "expected"].filter((key) => settings[key] !== void 0).join(",");
    log("info", "batch_defaults_changed", { batchId: id, by: actor(c, settings.by), changed: changed || "nothing" });
    return c.json(batch);
  });
  app.put("/:id/gifts/:transactionId", ROW_BODY, async (c) => {
    const id = c.req.param("id");
    const transactionId = c.req.param("transactionId");
    const body = await readJsonObject(c, "one batch row", ["gift", "amount"]);
    if (body instanceof BodyProblem) return body.answer(c);
    const batch = visible(c, id);
    if (!batch) return notFound(c, id);
    if (batch.state !== "open") return postedAlready(c, batch);
    const { gift: giftBody, enteredBy, donorName, ...unknown } = body;
    const extra = Object.keys(unknown);
    if (extra.length > 0) return problem(c, 400, `Unknown field${extra.length > 1 ? "s" : ""} in a batch row: ${extra.join(", ")}.`);
    if (typeof giftBody !== "object" || giftBody === null || Array.isArray(giftBody)) {
      return problem(c, 400, "Send the row as { gift, enteredBy?, donorName? } with the gift as a JSON object.");
    }
    const intake = readGiftEntry(giftBody, enteredBy, donorName, config);
    if (!intake.ok) {
      const { message, ...fields } = intake.error;
      return problem(c, 400, message, fields);
    }
    const { gift } = intake;
    const metadata = stamped(callerOf(c), intake.metadata);
    if (gift.transactionId !== transactionId) {
      return problem(
        c,
        400,
        `The address names transaction ID ${transactionId} but the gift carries ${gift.transactionId}; they must be the same.`,
        {
          field: "transactionId"
        }
      );
    }
    if (outbox.get(transactionId)) {
      return problem(
        c,
        409,
        `Transaction ID ${transactionId} is already in the gift journal (sent or on its way); start a new gift to get a new ID.`,
        {
          field: "transactionId"
        }
      );
    }
    const holder = batches.holderOf(transactionId);
    if (holder && holder.id !== id) {
      return problem(
        c,
        409,
        `Transaction ID ${transactionId} already belongs to a gift in another batch${visible(c, holder.id) ? ` ("${holder.name}")` : ""}; start a new gift to get a new ID.`,
        {
          field: "transactionId"
        }
      );
    }
    let replaced;
    try {
      ({ replaced } = batches.saveGift(id, gift, metadata));
    } catch (error) {
      return cannotStore(c, error);
    }
    const saved = batches.get(id);
    log("info", "batch_gift_saved", { batchId: id, transactionId, replaced, count: saved.gifts.length });
    return c.json(saved);
  });
  app.delete("/:id/gifts/:transactionId", (c) => {
    const id = c.req.param("id");
    const transactionId = c.req.param("transactionId");
    const batch = visible(c, id);
    if (!batch) return notFound(c, id);
    if (batch.state !== "open") return postedAlready(c, batch);
    let removed;
    try {
      removed = batches.removeGift(id, transactionId);
    } catch (error) {
      return cannotStore(c, error);
    }
    if (!removed) return problem(c, 404, `This batch holds no gift with transaction ID ${transactionId}.`, { field: "transactionId" });
    const left = batches.get(id);
    log("info", "batch_gift_removed", { batchId: id, transactionId, count: left.gifts.length });
    return c.json(left);
  });
  app.post("/:id/post", SETTINGS_BODY, async (c) => {
    const id = c.req.param("id");
    const post = await readBody(c, postBatchSchema, "who posts the batch");
    if (post instanceof Response) return post;
    const batch = visible(c, id);
    const by = actor(c, post.by);
    if (!batch) return notFound(c, id);
    if (batch.state === "posted") return c.json(batch);
    const refusal = postRefusal(
      reconcile(
        batch.gifts.map((row) => row.gift),
        batch.expected
      )
    );
    if (refusal && post.reason === void 0) return problem(c, 409, refusal);
    const held = dispatcher.held;
    try {
      batches.post(id, by, refusal ? post.reason : void 0, (entry) => {
        if (outbox.get(entry.transactionId)) throw new TransactionIdTaken(entry.transactionId);
        const request = toImportRequest(entry.gift, config.financialAccountId, new Date(entry.addedAt));
        outbox.enqueue(request, held ? "held" : "queued", held ? HELD_MESSAGE : void 0, entry.metadata);
      });
    } catch (error) {
      if (error instanceof TransactionIdTaken) {
        return problem(
          c,
          409,
          `Transaction ID ${error.transactionId} reached the gift journal outside this batch, so the batch was not posted and nothing was queued; remove that row and post again.`,
          { field: "transactionId" }
        );
      }
      log("error", "journal_write_failed", { batchId: id, reason: storageFailure(error) });
      return problem(
        c,
        503,
        `The batch could not be posted: ${storageFailure(error)}. Nothing was queued and the batch is still open; try again once an administrator has fixed the proxy's storage.`
      );
    }
    const posted = batches.get(id);
    const totalCents = posted.gifts.reduce((sum, row) => sum + Math.round(row.gift.amount * 100), 0);
    log("info", "batch_posted", { batchId: id, by, gifts: posted.gifts.length, totalCents, anyway: refusal !== void 0, held });
    changes.changedMany();
    dispatcher.wake();
    return c.json(posted);
  });
  return app;
}

// src/proxy/routes/gift-watch.ts
init_contract();
import { Hono as Hono4 } from "hono";
import * as z11 from "zod/mini";
var DEFAULT_WAIT_MS = 25e3;
function giftWatchRoutes({ outbox, changes }) {
  const app = new Hono4();
  const differing = (known, scope) => Object.entries(known).flatMap(([id, status]) => {
    const stored = outbox.get(id);
    return stored && sees(scope, stored.owner) && stored.record.status !== status ? [stored.record] : [];
  });
  app.post("/", giftJsonBody({ a: "A watch request", the: "the watch request" }), async (c) => {
    const body = await readJsonObject(c, "the watch request");
    if (body instanceof BodyProblem) return body.answer(c);
    const parsed = z11.safeParse(watchRequestSchema, body);
    if (!parsed.success) {
      return problem(
        c,
        400,
        `Send { known: { transactionId: status, \u2026 }, waitMs? } with waitMs a whole number of milliseconds up to ${WATCH_MAX_WAIT_MS}.`
      );
    }
    const { known, waitMs = DEFAULT_WAIT_MS } = parsed.data;
    const ids = Object.keys(known);
    if (ids.length > WATCH_MAX_GIFTS) {
      return problem(c, 400, `Watch at most ${WATCH_MAX_GIFTS} gifts at once (this request names ${ids.length}).`);
    }
    const scope = scopeOf(callerOf(c));
    const now = differing(known, scope);
    if (now.length > 0 || waitMs === 0) return c.json({ gifts: now });
    const watched = new Set(ids);
    const signal = c.req.raw.signal;
    const gifts2 = await new Promise((resolve3) => {
      let stop = () => {
      };
      const finish = (gifts3) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", gone);
        stop();
        resolve3(gifts3);
      };
      const gone = () => finish([]);
      const timer = setTimeout(() => finish([]), waitMs);
      signal.addEventListener("abort", gone);
      stop = changes.listen(
        (id) => {
          if (id !== void 0 && !watched.has(id)) return;
          const changed = differing(known, scope);
          if (changed.length > 0) finish(changed);
        },
        () => finish(differing(known, scope))
      );
      if (signal.aborted) gone();
    });
    return c.json({ gifts: gifts2 });
  });
  return app;
}

// src/proxy/routes/gifts.ts
init_contract();
import { Hono as Hono5 } from "hono";

// src/proxy/gift-verdict.ts
init_contract();
import * as z12 from "zod/mini";
function retryDelay(attempts, policy) {
  return Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}
var REQUEUED_MESSAGE = "Put back in the queue by staff; it will be sent again shortly";
var OUTAGE_PUT_BACK_MESSAGE = "Put back in the queue by itself: the gift service was failing every gift, not just this one; it will be sent again when it recovers";
var ALREADY_IN_IMIS_MESSAGE = "Recorded: this gift was already in iMIS (sent before, by an earlier attempt or before a restore), so it was not imported twice";
function verdictFor(gift, outcome, now, policy, outageDelayMs) {
  switch (outcome.kind) {
    case "accepted":
      return { status: "accepted", uncertain: false, failures: 0, failingSince: null };
    case "unauthorized":
      return { status: "held", message: HELD_MESSAGE, uncertain: gift.uncertain };
    case "rejected": {
      const explained = explainUpstreamRejection(outcome.upstreamMessage);
      if (explained.kind === "duplicate") {
        return {
          status: "accepted",
          message: ALREADY_IN_IMIS_MESSAGE,
          upstreamMessage: outcome.upstreamMessage,
          uncertain: false,
          failures: 0,
          failingSince: null
        };
      }
      return {
        status: "rejected",
        message: explained.message,
        field: explained.field,
        upstreamMessage: outcome.upstreamMessage,
        uncertain: gift.uncertain,
        failures: 0,
        failingSince: null
      };
    }
    case "retry":
      return outageDelayMs === void 0 ? failedAttempt(gift, outcome, now, policy) : waitOutOutage(gift, outcome, now, outageDelayMs);
  }
}
function setAsideAfter(failure, policy) {
  switch (failure) {
    case "refused":
      return 1;
    case "timeout":
      return TIMEOUTS_BEFORE_SET_ASIDE;
    case "server-error":
    case "odd-answer":
      return policy.stuckAfterAttempts;
    case "network":
    case "unavailable":
    case "misrouted":
      return void 0;
  }
}
var TIMEOUTS_BEFORE_SET_ASIDE = 2;
function failedAttempt(gift, outcome, now, policy) {
  const bound = setAsideAfter(outcome.failure, policy);
  const failures = gift.failures + (bound === void 0 ? 0 : 1);
  const failingSince = gift.failingSince ?? now;
  if (bound !== void 0 && (failures >= bound || now - failingSince >= policy.stuckAfterMs)) {
    const attempts = `${gift.record.attempts} attempt${gift.record.attempts === 1 ? "" : "s"}`;
    const what = outcome.failure === "refused" ? `${outcome.reason}, so it was not recorded. It was set aside so the gifts behind it can go; ask whoever runs the gift service (or the firewall in front of it) why, then put it back in the queue.` : `the gift service has not taken this gift after ${attempts} (last answer: ${outcome.reason}). It was set aside so the gifts behind it can go; once the cause is fixed, put it back in the queue.`;
    return { status: "stuck", message: `Needs attention: ${what}`, uncertain: true, failures, failingSince };
  }
  const delay = retryDelay(gift.record.attempts, policy);
  return {
    status: "queued",
    message: `Not recorded yet: ${outcome.reason}. Trying again in ${seconds(delay)}; the gift is kept.`,
    uncertain: true,
    nextAttemptAt: now + delay,
    failures,
    failingSince
  };
}
function waitOutOutage(gift, outcome, now, delayMs) {
  return {
    status: "queued",
    message: `Not recorded yet: ${outcome.reason}. The gift service is failing every gift, so the queue waits and resumes by itself (next try in ${seconds(delayMs)}); the gift is kept.`,
    uncertain: true,
    nextAttemptAt: now + delayMs + 1,
    failures: gift.failures
  };
}
function seconds(ms) {
  return `${Math.max(1, Math.round(ms / 1e3))} s`;
}
function refusedBeforeSending(request) {
  const parsed = z12.safeParse(giftImportRequestSchema, request);
  if (parsed.success) return void 0;
  const issue = parsed.error.issues[0];
  const field = GIFT_FIELDS.includes(issue.path[0]) ? issue.path[0] : void 0;
  return { status: "rejected", message: issue.message, field, uncertain: false, failures: 0, failingSince: null };
}

// src/proxy/routes/gifts.ts
function sameGift(stored, incoming, incomingHadDate) {
  return GIFT_FIELDS.every((field) => field === "receivedDate" && !incomingHadDate || stored[field] === incoming[field]);
}
function answer(record4) {
  return [record4, isFinal(record4.status) ? 200 : 202];
}
function prefersAsync(prefer) {
  return (prefer ?? "").split(",").some((token) => token.trim().toLowerCase() === RESPOND_ASYNC.value);
}
var notStored = (reason) => `The proxy cannot store gifts right now: ${reason}. This gift was NOT recorded and nothing was sent; try again once an administrator has fixed the proxy's storage.`;
function giftRoutes({ config, outbox, dispatcher, batches, changes, log }) {
  const app = new Hono5();
  const visible = (id, caller) => {
    const stored = outbox.get(id);
    return stored && sees(scopeOf(caller), stored.owner) ? stored : void 0;
  };
  app.post("/", giftJsonBody(), async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof BodyProblem) return body.answer(c);
    const { enteredBy, donorName, ...giftBody } = body;
    const intake = readGiftEntry(giftBody, enteredBy, donorName, config);
    if (!intake.ok) {
      const { message, ...extra } = intake.error;
      return problem(c, 400, message, extra);
    }
    const { gift } = intake;
    const caller = callerOf(c);
    const metadata = stamped(caller, intake.metadata);
    const holder = batches.holderOf(gift.transactionId);
    if (holder?.state === "open") {
      const owner = batches.ownerOf(holder.id);
      const named = owner && sees(scopeOf(caller), owner) ? `the open batch "${holder.name}"` : "an open batch";
      const message = `Transaction ID ${gift.transactionId} belongs to a gift kept in ${named}; it is sent when that batch is posted. Start a new gift to get a new ID.`;
      return problem(c, 409, message, { field: "transactionId" });
    }
    const request = toImportRequest(gift, config.financialAccountId, /* @__PURE__ */ new Date());
    const existing = outbox.get(gift.transactionId);
    const mine = existing === void 0 || sees(scopeOf(caller), existing.owner);
    if (existing && !mine)
      return problem(c, 409, `Transaction ID ${gift.transactionId} is taken. Start a new gift to get a new ID.`, {
        field: "transactionId"
      });
    if (existing && existing.record.status !== "rejected") {
      if (!sameGift(existing.request, request, gift.receivedDate !== void 0)) {
        return problem(
          c,
          409,
          `Transaction ID ${gift.transactionId} already belongs to a different gift. Start a new gift to get a new ID.`,
          {
            field: "transactionId"
          }
        );
      }
      log("info", "gift_repeated", { transactionId: gift.transactionId, status: existing.record.status });
      return c.json(...answer(existing.record));
    }
    const held = dispatcher.held;
    let stored;
    try {
      stored = outbox.enqueue(request, held ? "held" : "queued", held ? HELD_MESSAGE : void 0, metadata).record;
    } catch (error) {
      const reason = storageFailure(error);
      log("error", "journal_write_failed", { transactionId: gift.transactionId, reason });
      return problem(c, 503, notStored(reason));
    }
    log("info", existing ? "gift_resubmitted" : "gift_received", {
      transactionId: gift.transactionId,
      held,
      by: metadata.partyId,
      callerLabel: metadata.callerKey
    });
    changes.changed(gift.transactionId);
    dispatcher.wake();
    if (prefersAsync(c.req.header(RESPOND_ASYNC.header))) {
      c.header("Preference-Applied", RESPOND_ASYNC.value);
      return c.json(stored, 202);
    }
    const record4 = await dispatcher.waitForVerdict(gift.transactionId, config.answerWaitMs);
    return c.json(...answer(record4));
  });
  app.post(PROXY_PATHS.retryStuck.slice(PROXY_PATHS.gifts.length), (c) => {
    const caller = callerOf(c);
    let requeued;
    try {
      requeued = outbox.requeueAllStuck(REQUEUED_MESSAGE, scopeOf(caller), caller.party?.id);
    } catch (error) {
      return problem(
        c,
        503,
        `The gifts could not be put back in the queue: ${storageFailure(error)}. Try again once an administrator has fixed the proxy's storage.`
      );
    }
    log("info", "gifts_requeued", { requeuedGifts: requeued, by: caller.party?.id, callerLabel: caller.keyLabel });
    dispatcher.wake();
    const answer2 = { requeued };
    return c.json(answer2);
  });
  app.post("/:transactionId/retry", (c) => {
    const id = c.req.param("transactionId");
    const caller = callerOf(c);
    const stored = visible(id, caller);
    if (!stored) return problem(c, 404, `No gift with transaction ID ${id} has reached this proxy.`, { field: "transactionId" });
    if (stored.record.status !== "stuck") {
      return problem(c, 409, `Only a gift that needs attention can be put back in the queue; this one is ${stored.record.status}.`, {
        field: "transactionId"
      });
    }
    let requeued;
    try {
      requeued = outbox.requeue(id, REQUEUED_MESSAGE, caller.party?.id)?.record;
    } catch (error) {
      return problem(
        c,
        503,
        `The gift could not be put back in the queue: ${storageFailure(error)}. Try again once an administrator has fixed the proxy's storage.`
      );
    }
    if (!requeued) return problem(c, 409, "The gift changed meanwhile; look at its status again.", { field: "transactionId" });
    log("info", "gift_requeued", { transactionId: id, by: caller.party?.id, callerLabel: caller.keyLabel });
    changes.changed(id);
    dispatcher.wake();
    return c.json(requeued, 202);
  });
  app.get("/:transactionId", (c) => {
    const id = c.req.param("transactionId");
    const stored = visible(id, callerOf(c));
    if (!stored) return problem(c, 404, `No gift with transaction ID ${id} has reached this proxy.`, { field: "transactionId" });
    return c.json(stored.record);
  });
  app.get("/", (c) => {
    const sinceParam = c.req.query("since");
    const since = sinceParam === void 0 ? new Date(Date.now() - 24 * 36e5) : new Date(sinceParam);
    if (Number.isNaN(since.getTime())) {
      return problem(c, 400, `"since" must be a date or date-time, like 2026-11-23 or 2026-11-23T09:00:00Z (got "${sinceParam}").`);
    }
    const limitParam = c.req.query("limit") ?? "500";
    const limit = Number(limitParam);
    if (!/^\d+$/.test(limitParam) || limit < 1 || limit > 5e3) {
      return problem(c, 400, `"limit" must be a whole number from 1 to 5000 (got "${limitParam}").`);
    }
    return c.json({ gifts: outbox.journal(since.toISOString(), limit, scopeOf(callerOf(c))) });
  });
  return app;
}

// src/proxy/routes/health.ts
import { Hono as Hono6 } from "hono";
function healthRoutes(outbox, dispatcher, simulated, stopping = () => false) {
  const app = new Hono6();
  app.get("/", (c) => {
    const journal = outbox.checkWritable();
    const health = {
      ok: true,
      ready: journal.writable && !stopping(),
      queueDepth: outbox.depth(),
      stuck: outbox.stuckCount(),
      upstream: { ...dispatcher.upstream, simulated }
    };
    if (!journal.writable) health.message = `Gifts cannot be stored: ${journal.reason}. New gifts are refused (503) until this is fixed.`;
    else if (stopping()) health.message = "The proxy is shutting down.";
    c.header("Cache-Control", "no-store");
    return c.json(health, health.ready ? 200 : 503);
  });
  return app;
}

// src/proxy/routes/lookups.ts
import { Hono as Hono7 } from "hono";
function lookupRoutes(cache) {
  const app = new Hono7();
  app.get("/", async (c) => {
    const result = await cache.get();
    if (result.kind === "unauthorized") {
      return problem(
        c,
        502,
        "The gift service rejected the proxy\u2019s credentials, so funds, appeals and campaigns cannot be loaded. Ask your administrator to check GIFT_API_TOKEN."
      );
    }
    if (result.kind === "failed") {
      return problem(c, 502, `Funds, appeals and campaigns could not be loaded: ${result.reason}. Try again in a moment.`);
    }
    const { body, etag, stale } = result.lookups;
    c.header("ETag", etag);
    c.header("Cache-Control", "private, no-cache");
    if (stale) c.header("Warning", '110 - "Response is stale: the gift service could not be reached"');
    if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
    c.header("Content-Type", "application/json; charset=utf-8");
    return c.body(body, 200);
  });
  return app;
}

// src/proxy/routes/session.ts
init_session_api();
import { Hono as Hono8 } from "hono";
function sessionRoutes(signIn) {
  const app = new Hono8();
  const tokenOf = (header) => header ?? "";
  app.get(SESSION_PATHS.session, (c) => {
    const token = tokenOf(c.req.header(SESSION_HEADER));
    const found = signIn.store.find(token);
    if (found.state !== "valid") return signIn.need(c, found.state === "expired" ? "expired" : "required");
    const { party, supervisor, expiresAt } = found.session;
    const grant = { token, expiresAt: new Date(expiresAt).toISOString(), party, supervisor };
    return c.json(grant);
  });
  app.delete(SESSION_PATHS.session, (c) => {
    const party = callerOf(c).party;
    if (party) signIn.signOut(tokenOf(c.req.header(SESSION_HEADER)), party);
    return c.body(null, 204);
  });
  app.post(SESSION_PATHS.renew, async (c) => {
    const token = tokenOf(c.req.header(SESSION_HEADER));
    const found = signIn.store.find(token);
    if (found.state !== "valid") return signIn.need(c, found.state === "expired" ? "expired" : "required");
    const outcome = await signIn.renew(token, found.session.refreshToken);
    if (outcome.ok) return c.json(outcome.grant);
    if (outcome.state === "broken") return c.json({ message: outcome.message }, 502);
    return signIn.need(c, outcome.state, outcome.message);
  });
  return app;
}

// src/proxy/routes/sign-in.ts
init_session_api();
import { Hono as Hono9 } from "hono";
import { bodyLimit as bodyLimit2 } from "hono/body-limit";

// src/proxy/sign-in-page.ts
var HAND_BACK_SCRIPT = "hand-back.js";
var DATA_ID = "gift-entry-sign-in";
function handBack() {
  const page = globalThis;
  const block = page.document.getElementById("gift-entry-sign-in");
  const outcome = page.document.getElementById("outcome");
  if (!block || !outcome) return;
  const data = JSON.parse(block.textContent ?? "{}");
  if (!page.opener) {
    outcome.textContent = data.noOpener;
    return;
  }
  for (const origin of data.targets) page.opener.postMessage(data.message, origin);
  page.close();
}
var HAND_BACK_SOURCE = `(${handBack.toString()})();
`;
var escapeHtml = (text4) => text4.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]);
var scriptJson = (value) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
var SIGN_IN_PAGE_CSP = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
function signInPage(data, outcome, scriptPath) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gift entry sign-in</title>
</head>
<body>
<main>
<h1>Gift entry sign-in</h1>
<p id="outcome" role="status">${escapeHtml(outcome)}</p>
</main>
<script type="application/json" id="${DATA_ID}">${scriptJson(data)}</script>
<script src="${escapeHtml(scriptPath)}"></script>
</body>
</html>
`;
}

// src/proxy/routes/sign-in.ts
var NO_OPENER = 'This window was not opened by the gift entry page, so the sign-in could not be handed to it. Close this window and choose "Sign in" on the gift entry page.';
function signInRoutes({ config, signIn, failures = new KeyFailures("sign_in_token_refused") }) {
  const app = new Hono9();
  const trusted = trustedHops(config.trustedProxies ?? []);
  const scriptPath = `${SIGN_IN_PATH}/${HAND_BACK_SCRIPT}`;
  const targets = (c) => [.../* @__PURE__ */ new Set([...config.allowedOrigins, new URL(c.req.url).origin])];
  const page = (c, message, outcome, status) => {
    c.header("Content-Security-Policy", SIGN_IN_PAGE_CSP);
    return c.html(signInPage({ message, targets: targets(c), noOpener: `${outcome} ${NO_OPENER}` }, outcome, scriptPath), status);
  };
  const refused = (c, message, status) => page(c, { type: SIGN_IN_MESSAGE.refused, message }, message, status);
  app.get(scriptPath, (c) => {
    c.header("Content-Type", "text/javascript; charset=utf-8");
    return c.body(HAND_BACK_SOURCE);
  });
  app.post(
    SIGN_IN_PATH,
    bodyLimit2({ maxSize: 16 * 1024, onError: (c) => refused(c, "The sign-in request was too large to be one from iMIS.", 400) }),
    async (c) => {
      const origin = c.req.header("Origin");
      const imisOrigins = [signIn.pageUrl(c), ...signIn.config.imisBaseUrl ? [signIn.config.imisBaseUrl] : []].map(
        (url) => new URL(url).origin
      );
      if (origin !== void 0 && origin !== "null" && !targets(c).includes(origin) && !imisOrigins.includes(origin)) {
        return refused(c, `A page on ${origin} may not sign anyone in to gift entry; sign in from your iMIS site.`, 403);
      }
      const form = await c.req.parseBody().catch(() => ({}));
      const refreshToken = typeof form.refresh_token === "string" ? form.refresh_token.trim() : "";
      if (refreshToken === "") {
        return refused(c, 'iMIS sent no sign-in (no refresh_token). Open gift entry from your iMIS site and choose "Sign in" again.', 400);
      }
      const address = clientAddress(c, trusted);
      if (failures.busy(address)) return refused(c, "Too many sign-ins failed from this address; wait a minute and try again.", 401);
      const outcome = await signIn.signIn(refreshToken);
      if (!outcome.ok && outcome.state !== "refused") await failures.wait(address, failures.fail(address, outcome.state).delayMs);
      if (!outcome.ok) {
        return refused(c, outcome.message, outcome.state === "refused" ? 403 : outcome.state === "expired" ? 401 : 502);
      }
      const { grant } = outcome;
      return page(
        c,
        { type: SIGN_IN_MESSAGE.granted, grant },
        `You are signed in to gift entry as ${grant.party.name}${grant.supervisor ? " (supervisor)" : ""}. This window closes by itself.`,
        200
      );
    }
  );
  return app;
}

// src/proxy/routes/static-files.ts
init_proxy_routes();
import { Hono as Hono10 } from "hono";
import { readFile } from "node:fs/promises";
import { join as join5 } from "node:path";

// src/contract/widget-release.ts
var RELEASE_HEADER = "X-Gift-Entry-Release";
function widgetBundlePath(release) {
  return `/widget/${release}/gift-entry.js`;
}
var FALLBACK_ATTRIBUTE = "data-gift-entry-fallback";

// src/checkout-paths.ts
import { existsSync as existsSync2 } from "node:fs";
import { dirname, join as join4 } from "node:path";
import { fileURLToPath } from "node:url";
function packageRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync2(join4(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}
var CHECKOUT_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));
var WIDGET_BUNDLE = join4(CHECKOUT_ROOT, "dist", "gift-entry.js");
var DEMO_DIR = join4(CHECKOUT_ROOT, "src", "demo");
var IPART_DIR = join4(CHECKOUT_ROOT, "ipart");

// src/proxy/routes/static-files.ts
var JS = "text/javascript; charset=utf-8";
var IMMUTABLE = "public, max-age=31536000, immutable";
var CHUNK_NAME = /^[a-z-]+-[A-Za-z0-9_-]{8}\.js$/;
var MISSING = "The widget bundle is missing on the gift proxy: run npm run build there.";
var PLACEHOLDER = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gift entry proxy</title></head>
<body><h1>Gift entry proxy</h1><p>The proxy is running. Pages load the widget from <code>/gift-entry.js</code>.</p></body></html>`;
var loader = (release) => `// Gift entry: loads the widget release this proxy serves (this file is never cached; the bundle it names is).
await import('.${widgetBundlePath(release)}');
for (const fallback of document.querySelectorAll('gift-entry > [${FALLBACK_ATTRIBUTE}]')) fallback.remove();
`;
var script = (c, body, cache) => {
  c.header("Content-Type", JS);
  c.header("Cache-Control", cache);
  c.header("Access-Control-Allow-Origin", "*");
  return typeof body === "string" ? c.body(body) : c.body(new Uint8Array(body));
};
function staticRoutes(readRelease) {
  const app = new Hono10();
  app.get("/", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.html(PLACEHOLDER);
  });
  app.get(PROXY_PATHS.widget, async (c) => {
    const current = await readRelease();
    if (!current) return problem(c, 404, MISSING);
    return script(c, loader(current.release), "no-cache");
  });
  app.get("/widget/:release{[0-9a-f]+}/:file{[A-Za-z0-9_-]+\\.js}", async (c) => {
    const current = await readRelease();
    if (!current) return problem(c, 404, MISSING);
    const file = c.req.param("file");
    if (c.req.param("release") !== current.release) {
      return problem(c, 404, "That widget release is no longer served by this gift proxy: reload the page.");
    }
    if (file === "gift-entry.js") return script(c, current.bundle, IMMUTABLE);
    const chunk = CHUNK_NAME.test(file) ? await readFile(join5(current.chunkDir, file)).catch(() => void 0) : void 0;
    if (!chunk) return problem(c, 404, `No part of the widget is called ${file}.`);
    return script(c, new Uint8Array(chunk), IMMUTABLE);
  });
  return app;
}

// src/proxy/session-checks.ts
init_session_api();
function sessionChecks(signIn) {
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return next();
    const found = signIn.store.find(c.req.header(SESSION_HEADER));
    if (found.state === "expired") return signIn.need(c, "expired");
    if (found.state === "unknown") return signIn.need(c, "required");
    setCaller(c, { ...callerOf(c), party: found.session.party, supervisor: found.session.supervisor });
    return next();
  };
}

// src/proxy/widget-release.ts
import { createHash as createHash2 } from "node:crypto";
import { readFile as readFile2, stat } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
function widgetReleaseReader(path = WIDGET_BUNDLE) {
  let cached2;
  return async () => {
    const info = await stat(path).catch(() => void 0);
    if (!info) return void 0;
    const stamp = `${info.mtimeMs}:${info.size}`;
    if (cached2?.stamp !== stamp) {
      const bundle = new Uint8Array(await readFile2(path));
      const release = createHash2("sha256").update(bundle).digest("hex").slice(0, 16);
      cached2 = { stamp, value: { release, bundle, chunkDir: dirname2(path) } };
    }
    return cached2.value;
  };
}
function releaseHeader(read2) {
  return async (c, next) => {
    await next();
    const current = await read2();
    if (!current) return;
    c.header(RELEASE_HEADER, current.release);
    const exposed = c.res.headers.get("Access-Control-Expose-Headers");
    if (c.res.headers.has("Access-Control-Allow-Origin")) {
      c.header("Access-Control-Expose-Headers", exposed ? `${exposed}, ${RELEASE_HEADER}` : RELEASE_HEADER);
    }
  };
}

// src/proxy/app.ts
function allowedMethods(app) {
  const byPattern = /* @__PURE__ */ new Map();
  for (const { method, path } of app.routes) {
    if (method === "ALL" || path.includes("*")) continue;
    const source = `^${path.replace(/\/+$/, "").replace(/:[^/{]+(\{[^}]*\})?/g, "[^/]+")}/?$`;
    const verbs = byPattern.get(source) ?? /* @__PURE__ */ new Set();
    verbs.add(method);
    byPattern.set(source, verbs);
  }
  return [...byPattern].map(([source, verbs]) => [new RegExp(source), [...verbs].sort().join(", ")]);
}
function createApp(deps) {
  const app = new Hono11();
  const stopping = deps.stopping ?? (() => false);
  app.use("*", securityHeaders(), closeAfterEarlyAnswer());
  if (deps.config.callerChecksOff) app.use("*", loopbackHostOnly());
  app.use("/api/*", refuseWhileStopping(stopping));
  const readRelease = widgetReleaseReader(deps.widgetBundle);
  app.use("/api/*", releaseHeader(readRelease));
  if (deps.simulated && deps.demo) app.route("/", deps.demo);
  app.use("/api/*", callerChecks(deps.config, deps.log, deps.keyGuesses ?? new KeyFailures("caller_key_refused", deps.log)));
  if (deps.signIn) {
    app.use("/api/*", sessionChecks(deps.signIn));
    app.route("/", sessionRoutes(deps.signIn));
    app.route("/", signInRoutes({ config: deps.config, signIn: deps.signIn, failures: deps.signInGuesses }));
  }
  app.route(PROXY_PATHS.lookups, lookupRoutes(deps.lookups));
  app.route(PROXY_PATHS.watch, giftWatchRoutes(deps));
  app.route(PROXY_PATHS.gifts, giftRoutes(deps));
  app.route(PROXY_PATHS.batches, batchRoutes(deps));
  app.route(PROXY_PATHS.health, healthRoutes(deps.outbox, deps.dispatcher, deps.simulated, stopping));
  app.route("/", adminRoutes(deps));
  app.route("/", staticRoutes(readRelease));
  let known;
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    known ??= allowedMethods(app);
    const allowed = known.find(([pattern]) => pattern.test(path))?.[1];
    if (allowed) {
      c.header("Allow", allowed);
      return problem(c, 405, `${path} does not take ${c.req.method}; use ${allowed}.`);
    }
    return problem(c, 404, `Nothing at ${c.req.method} ${path}.`);
  });
  app.onError((error, c) => {
    deps.log("error", "request_failed", { path: new URL(c.req.url).pathname, reason: error.message });
    return problem(c, 500, "The proxy hit an unexpected problem. Anything it acknowledged is kept; try again.");
  });
  return app;
}

// src/proxy/batch-store.ts
import { randomBytes as randomBytes2 } from "node:crypto";
var LIST_LIMIT = 200;
var newBatchId = () => randomBytes2(12).toString("base64url");
var optional6 = (value) => value === null ? void 0 : value;
var BatchStore = class {
  constructor(outbox) {
    this.outbox = outbox;
    this.db = outbox.database;
  }
  outbox;
  db;
  /** `owner`: the key label and verified party of whoever opens it, which decide who sees it. */
  open(settings, owner = {}) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const id = newBatchId();
    this.db.prepare(
      `INSERT INTO batches (id, name, state, defaults, expected_count, expected_total_cents, opened_by, opened_at, updated_at, caller_key, party_id)
         VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      id,
      settings.name || `Batch opened ${now.slice(0, 16).replace("T", " ")} UTC`,
      JSON.stringify(settings.defaults),
      settings.expected.count ?? null,
      settings.expected.totalCents ?? null,
      settings.by ?? null,
      now,
      now,
      owner.callerKey ?? null,
      owner.partyId ?? null
    );
    return this.get(id);
  }
  /** Who opened the batch (what decides who sees it), if it exists. */
  ownerOf(id) {
    const head = this.head(id);
    return head && { keyLabel: head.caller_key ?? void 0, partyId: head.party_id ?? void 0 };
  }
  /** The batch with its rows in the order they were added; rows of a posted batch carry their journal record. */
  get(id) {
    const head = this.head(id);
    if (!head) return void 0;
    const gifts2 = this.rows(id).map((row) => {
      const gift = {
        transactionId: row.transaction_id,
        gift: JSON.parse(row.gift),
        addedAt: row.added_at,
        updatedAt: row.updated_at
      };
      if (row.donor_name !== null) gift.donorName = row.donor_name;
      if (row.entered_by !== null) gift.enteredBy = row.entered_by;
      const record4 = head.state === "posted" ? this.outbox.get(row.transaction_id)?.record : void 0;
      if (record4) gift.record = record4;
      return gift;
    });
    return { ...toHead(head), gifts: gifts2 };
  }
  /** Those `scope` sees, newest first: open batches by when they were opened, posted ones by when they were posted. */
  list(state, scope = {}) {
    const visible = scopeCondition(scope);
    const heads = this.db.prepare(
      `SELECT * FROM batches WHERE state = @state AND ${visible.sql} ORDER BY COALESCE(posted_at, opened_at) DESC, seq DESC LIMIT @limit`
    ).all({ state, limit: LIST_LIMIT, ...visible.params });
    const totals = this.db.prepare(
      // Cents as integers, as batchTotals counts them: 0.1 + 0.2 must not leave a total off by a hair.
      `SELECT COUNT(*) AS count, COALESCE(SUM(CAST(ROUND(json_extract(gift, '$.amount') * 100) AS INTEGER)), 0) AS totalCents
       FROM batch_gifts WHERE batch_id = ?`
    );
    return heads.map((head) => ({ ...toHead(head), ...totals.get(head.id) }));
  }
  /** New name, defaults or expected figures: whichever are given. */
  update(id, settings) {
    const head = this.head(id);
    if (!head) return void 0;
    this.db.prepare(`UPDATE batches SET name = ?, defaults = ?, expected_count = ?, expected_total_cents = ?, updated_at = ? WHERE id = ?`).run(
      settings.name || head.name,
      settings.defaults ? JSON.stringify(settings.defaults) : head.defaults,
      settings.expected ? settings.expected.count ?? null : head.expected_count,
      settings.expected ? settings.expected.totalCents ?? null : head.expected_total_cents,
      (/* @__PURE__ */ new Date()).toISOString(),
      id
    );
    return this.get(id);
  }
  /** The batch (any state) that holds this transactionId, if one does. */
  holderOf(transactionId) {
    return this.db.prepare("SELECT b.id, b.name, b.state FROM batch_gifts g JOIN batches b ON b.id = g.batch_id WHERE g.transaction_id = ?").get(transactionId);
  }
  /** Adds the row, or replaces it in its place. Whether it was new is for the log. */
  saveGift(id, gift, metadata) {
    return this.db.transaction(() => this.writeGift(id, gift, metadata))();
  }
  writeGift(id, gift, metadata) {
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const who = [metadata.enteredBy ?? null, metadata.callerKey ?? null, metadata.partyId ?? null, metadata.partyName ?? null];
    const replaced = this.db.prepare(
      `UPDATE batch_gifts SET gift = ?, donor_name = ?, entered_by = ?, caller_key = ?, party_id = ?, party_name = ?, updated_at = ?
         WHERE batch_id = ? AND transaction_id = ?`
    ).run(JSON.stringify(gift), metadata.donorName ?? null, ...who, now, id, gift.transactionId).changes;
    if (replaced === 0) {
      this.db.prepare(
        `INSERT INTO batch_gifts (batch_id, transaction_id, gift, donor_name, entered_by, caller_key, party_id, party_name, added_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(id, gift.transactionId, JSON.stringify(gift), metadata.donorName ?? null, ...who, now, now);
    }
    this.touch(id, now);
    return { replaced: replaced > 0 };
  }
  removeGift(id, transactionId) {
    const removed = this.db.prepare("DELETE FROM batch_gifts WHERE batch_id = ? AND transaction_id = ?").run(id, transactionId).changes;
    if (removed > 0) this.touch(id, (/* @__PURE__ */ new Date()).toISOString());
    return removed > 0;
  }
  /**
   * In ONE transaction: `queue` every row in the order it was added, then mark the batch
   * posted. If `queue` throws (a transactionId taken meanwhile, a full disk), nothing is
   * queued and the batch stays open. A batch already posted is left as it is.
   */
  post(id, by, reason, queue) {
    return this.db.transaction(() => {
      const head = this.head(id);
      if (!head) return void 0;
      if (head.state === "posted") return "already";
      for (const row of this.rows(id)) {
        queue({
          transactionId: row.transaction_id,
          gift: JSON.parse(row.gift),
          metadata: {
            enteredBy: optional6(row.entered_by),
            donorName: optional6(row.donor_name),
            callerKey: optional6(row.caller_key),
            partyId: optional6(row.party_id),
            partyName: optional6(row.party_name)
          },
          addedAt: row.added_at
        });
      }
      const now = (/* @__PURE__ */ new Date()).toISOString();
      this.db.prepare(`UPDATE batches SET state = 'posted', posted_by = ?, posted_at = ?, post_reason = ?, updated_at = ? WHERE id = ?`).run(by ?? null, now, reason ?? null, now, id);
      return "posted";
    })();
  }
  /**
   * The retention period, for batch rows as for the journal: a row of a batch posted before
   * `cutoff` keeps only what finance reconciles (its gift went to the journal, which keeps what
   * sending needs). Open batches are kept whole: their gifts have not been sent.
   */
  redactPostedBefore(cutoff) {
    return redactPostedBatchRows(this.db, cutoff);
  }
  head(id) {
    return this.db.prepare("SELECT * FROM batches WHERE id = ?").get(id);
  }
  rows(id) {
    return this.db.prepare("SELECT * FROM batch_gifts WHERE batch_id = ? ORDER BY seq").all(id);
  }
  touch(id, now) {
    this.db.prepare("UPDATE batches SET updated_at = ? WHERE id = ?").run(now, id);
  }
};
function toHead(row) {
  const expected = {};
  if (row.expected_count !== null) expected.count = row.expected_count;
  if (row.expected_total_cents !== null) expected.totalCents = row.expected_total_cents;
  const head = {
    id: row.id,
    name: row.name,
    state: row.state,
    defaults: JSON.parse(row.defaults),
    expected,
    openedAt: row.opened_at,
    updatedAt: row.updated_at
  };
  if (row.opened_by !== null) head.openedBy = row.opened_by;
  if (row.posted_by !== null) head.postedBy = row.posted_by;
  if (row.posted_at !== null) head.postedAt = row.posted_at;
  if (row.post_reason !== null) head.postReason = row.post_reason;
  return head;
}

// src/proxy/build-info.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join6, resolve as resolve2 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var ROOT = fileURLToPath2(new URL("../../", import.meta.url));
function read(path) {
  try {
    return readFileSync2(path, "utf8");
  } catch {
    return void 0;
  }
}
function commit() {
  const dotGit = join6(ROOT, ".git");
  const pointer = read(dotGit);
  const gitDir = pointer?.startsWith("gitdir: ") ? resolve2(ROOT, pointer.slice(8).trim()) : dotGit;
  const commonDir = resolve2(gitDir, read(join6(gitDir, "commondir"))?.trim() ?? ".");
  const head = read(join6(gitDir, "HEAD"))?.trim();
  if (!head) return "unknown";
  if (!head.startsWith("ref: ")) return head.slice(0, 12);
  const ref = head.slice(5);
  const loose = read(join6(gitDir, ref)) ?? read(join6(commonDir, ref));
  const packed = read(join6(commonDir, "packed-refs"))?.split("\n").find((line) => line.endsWith(` ${ref}`))?.split(" ")[0];
  return (loose?.trim() ?? packed ?? "unknown").slice(0, 12);
}
var cached;
function buildInfo() {
  if (cached) return cached;
  let version = "unknown";
  try {
    version = JSON.parse(read(join6(ROOT, "package.json")) ?? "{}").version ?? "unknown";
  } catch {
  }
  cached = { version, commit: commit(), node: process.version, schemaVersion: JOURNAL_SCHEMA_VERSION };
  return cached;
}

// src/proxy/dispatcher.ts
init_contract();

// src/proxy/logger.ts
var NEVER_LOGGED = /token|authorization|key|password|secret|email|name|address|phone|company|notes|city|zip|imisid|softcredit/i;
function secretsOf(config) {
  return [config.upstreamToken, ...config.callerKeys, ...config.adminTokens, ...config.signIn ? [config.signIn.clientSecret] : []];
}
function secretMasker(secrets) {
  const masks = secrets.filter((secret) => secret.length >= 4).sort((a, b) => b.length - a.length);
  return (text4) => masks.reduce((masked, secret) => masked.split(secret).join("[redacted]"), text4);
}
function createLogger(secrets, write = (line) => process.stdout.write(`${line}
`)) {
  const mask = secretMasker(secrets);
  return (level, event, fields = {}) => {
    const entry = { time: (/* @__PURE__ */ new Date()).toISOString(), level, event };
    for (const [name, value] of Object.entries(fields)) {
      if (value === void 0) continue;
      entry[name] = NEVER_LOGGED.test(name) ? "[redacted]" : value;
    }
    write(mask(JSON.stringify(entry)));
  };
}
function maskValues(text4, values2) {
  let masked = text4;
  for (const value of [...new Set(values2.map((v) => v.trim()))].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) {
    masked = masked.split(value).join("[redacted]");
  }
  return masked;
}

// src/proxy/failure-run.ts
function alike(failure) {
  return failure === "network" || failure === "unavailable" || failure === "server-error" ? "down" : failure;
}
var FailureRun = class {
  kind;
  /** Gifts that failed in this run, with how many of their failures fell in it. */
  gifts = /* @__PURE__ */ new Map();
  setAsideInRun = [];
  attempts = 0;
  get outage() {
    return this.gifts.size >= 2;
  }
  /** An attempt on `transactionId` ended without a verdict. */
  failed(transactionId, failure) {
    const kind = alike(failure);
    if (kind !== this.kind) this.clear();
    this.kind = kind;
    const wasOutage = this.outage;
    this.gifts.set(transactionId, (this.gifts.get(transactionId) ?? 0) + 1);
    this.attempts++;
    const putBack = this.outage && !wasOutage ? this.setAsideInRun : [];
    if (this.outage) this.setAsideInRun = [];
    return { outage: this.outage, attempts: this.attempts, putBack };
  }
  /** The gift of the last failure was set aside, with `failures` counted against it in all. */
  setAside(transactionId, failures) {
    if (failures > (this.gifts.get(transactionId) ?? 0)) this.gifts.delete(transactionId);
    else this.setAsideInRun.push(transactionId);
  }
  /** A gift got a verdict (or the credentials were refused): the upstream answers again. */
  clear() {
    this.kind = void 0;
    this.gifts.clear();
    this.setAsideInRun = [];
    this.attempts = 0;
  }
};

// src/proxy/dispatcher.ts
function loggable(text4, request) {
  if (text4 === void 0) return void 0;
  const values2 = Object.entries(request).filter(([field, value]) => !RECONCILIATION_FIELDS.has(field) && typeof value === "string").map(([, value]) => value);
  return maskValues(text4, values2);
}
var Dispatcher = class {
  constructor(outbox, client, timing, log, changes) {
    this.outbox = outbox;
    this.client = client;
    this.timing = timing;
    this.log = log;
    this.changes = changes;
  }
  outbox;
  client;
  timing;
  log;
  changes;
  running = false;
  loop;
  stopSignal = new AbortController();
  wakeCurrent;
  waiters = /* @__PURE__ */ new Map();
  upstream = { state: "ok" };
  /** The run of attempts without a verdict, which tells one bad gift from an outage. */
  failures = new FailureRun();
  /** Every gift is failing alike: no gift is sent before `pausedUntil` (ms). */
  outage = false;
  pausedUntil = 0;
  get held() {
    return this.upstream.state === "held";
  }
  start() {
    if (this.running) return;
    this.running = true;
    this.stopSignal = new AbortController();
    this.loop = this.run();
  }
  /** Finishes the call in flight (its outcome is recorded), then stops. */
  async stop() {
    this.running = false;
    this.stopSignal.abort();
    this.wakeCurrent?.();
    await this.loop;
  }
  /** A new gift is waiting: stop idling. */
  wake() {
    this.wakeCurrent?.();
  }
  /** Resolves with the gift's record once it no longer moves on its own (final, held, stuck), or as it stands after `ms`. */
  waitForVerdict(transactionId, ms) {
    const current = this.outbox.get(transactionId)?.record;
    if (!current || !isWaiting(current.status) || ms <= 0 || !this.running) return Promise.resolve(current);
    return new Promise((resolve3) => {
      const set = this.waiters.get(transactionId) ?? /* @__PURE__ */ new Set();
      this.waiters.set(transactionId, set);
      const done = (record4) => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(transactionId);
        resolve3(record4);
      };
      const timer = setTimeout(() => done(this.outbox.get(transactionId).record), ms);
      set.add(done);
    });
  }
  notify(record4) {
    if (isWaiting(record4.status)) return;
    for (const done of [...this.waiters.get(record4.transactionId) ?? []]) done(record4);
  }
  /** Shutting down: every caller still waiting hears the gift's status as it stands now. */
  releaseWaiters() {
    for (const [transactionId, set] of [...this.waiters]) {
      const record4 = this.outbox.get(transactionId)?.record;
      if (record4) for (const done of [...set]) done(record4);
    }
  }
  sleep(ms, wakeable) {
    return new Promise((resolve3) => {
      if (this.stopSignal.signal.aborted) return resolve3();
      const finish = () => {
        clearTimeout(timer);
        this.stopSignal.signal.removeEventListener("abort", finish);
        if (this.wakeCurrent === finish) this.wakeCurrent = void 0;
        resolve3();
      };
      const timer = setTimeout(finish, ms);
      this.stopSignal.signal.addEventListener("abort", finish);
      if (wakeable) this.wakeCurrent = finish;
    });
  }
  async run() {
    while (this.running) {
      try {
        if (this.held) await this.recheckCredentials();
        else await this.sendNext();
      } catch (error) {
        this.log("error", "dispatcher_error", { reason: error instanceof Error ? error.message : String(error) });
        await this.sleep(this.timing.retryBaseMs, false);
      }
    }
  }
  async sendNext() {
    const paused = this.pausedUntil - Date.now();
    if (paused > 0) {
      await this.sleep(paused, false);
      return;
    }
    const gift = this.outbox.head();
    if (!gift) {
      if (this.upstream.state === "retrying") this.upstream = { state: "ok" };
      await this.sleep(6e4, true);
      return;
    }
    const wait = gift.nextAttemptAt - Date.now();
    if (wait > 0) {
      await this.sleep(wait, true);
      return;
    }
    const id = gift.record.transactionId;
    const refused = gift.uncertain ? void 0 : refusedBeforeSending(gift.request);
    if (refused) {
      this.notify(this.outbox.settle(id, refused).record);
      this.changes?.changed(id);
      this.log("warn", "gift_refused_before_sending", { transactionId: id, field: refused.field });
      return;
    }
    this.outbox.markSending(id);
    this.changes?.changed(id);
    const sending = this.outbox.get(id);
    const started = Date.now();
    const outcome = await this.client.importGift(sending.request);
    const run = outcome.kind === "retry" ? this.failures.failed(id, outcome.failure) : void 0;
    if (outcome.kind !== "retry") this.failures.clear();
    const outageDelay = run?.outage ? retryDelay(run.attempts - 1, this.timing) : void 0;
    const verdict = verdictFor({ ...sending, uncertain: gift.uncertain }, outcome, Date.now(), this.timing, outageDelay);
    const settled = this.outbox.settle(id, verdict);
    this.changes?.changed(id);
    this.log(verdict.status === "queued" || verdict.status === "stuck" ? "warn" : "info", "gift_import", {
      transactionId: id,
      attempt: settled.record.attempts,
      outcome: outcome.kind,
      failure: outcome.kind === "retry" ? outcome.failure : void 0,
      status: settled.record.status,
      durationMs: Date.now() - started,
      reason: outcome.kind === "retry" ? loggable(outcome.reason, sending.request) : void 0,
      upstreamMessage: outcome.kind === "rejected" ? loggable(outcome.upstreamMessage, sending.request) : void 0
    });
    if (outcome.kind === "unauthorized") {
      this.outage = false;
      this.pausedUntil = 0;
      this.outbox.moveWaiting("queued", "held", HELD_MESSAGE);
      this.changes?.changedMany();
      this.upstream = { state: "held", message: HELD_MESSAGE };
      this.log("error", "upstream_credentials_rejected", { heldGifts: this.outbox.depth() });
      for (const waiting of [...this.waiters.keys()]) {
        const record4 = this.outbox.get(waiting)?.record;
        if (record4) this.notify(record4);
      }
      return;
    }
    if (settled.record.status === "stuck") this.failures.setAside(id, settled.failures);
    if (run?.outage && outcome.kind === "retry") this.waitOutOutage(outcome.reason, run.putBack, outageDelay);
    else {
      if (this.outage) this.log("info", "upstream_recovered", { transactionId: id });
      this.outage = false;
      this.pausedUntil = 0;
      this.upstream = outcome.kind === "retry" ? { state: "retrying", message: outcome.reason } : { state: "ok" };
    }
    this.notify(settled.record);
    await this.sleep(this.timing.upstreamSpacingMs, false);
  }
  /** Every gift fails alike: pause the whole queue, and put back what was blamed before that was clear. */
  waitOutOutage(reason, putBack, delayMs) {
    if (!this.outage) this.log("warn", "upstream_outage", { reason });
    this.outage = true;
    this.pausedUntil = Date.now() + delayMs;
    this.upstream = {
      state: "retrying",
      message: `The gift service is failing every gift (${reason}). No gift is set aside meanwhile; the queue waits and resumes by itself when it recovers.`
    };
    if (putBack.length === 0) return;
    const requeued = this.outbox.putBack(putBack, OUTAGE_PUT_BACK_MESSAGE);
    this.log("info", "gifts_put_back_after_outage", { putBackGifts: requeued });
  }
  async recheckCredentials() {
    await this.sleep(this.timing.holdRecheckMs, false);
    if (!this.running) return;
    const probe = await this.client.lookup("distributions", distributionListSchema);
    if (probe.kind === "unauthorized") {
      this.log("warn", "upstream_still_unauthorized", { heldGifts: this.outbox.depth() });
      return;
    }
    const released = this.outbox.moveWaiting("held", "queued", null);
    this.changes?.changedMany();
    this.upstream = { state: "ok" };
    this.log("info", "upstream_credentials_accepted", { releasedGifts: released });
  }
};

// src/proxy/gift-changes.ts
var GiftChanges = class {
  listeners = /* @__PURE__ */ new Set();
  closers = /* @__PURE__ */ new Set();
  closed = false;
  /** One gift's status was written. */
  changed(transactionId) {
    for (const listener of [...this.listeners]) listener(transactionId);
  }
  /** Statuses of several gifts were written at once. */
  changedMany() {
    for (const listener of [...this.listeners]) listener(void 0);
  }
  /**
   * Listens until the returned function is called. `onClose` runs if the proxy stops first,
   * so a held request is answered at once instead of being cut at the end of the grace period.
   */
  listen(listener, onClose) {
    if (this.closed) {
      onClose();
      return () => {
      };
    }
    this.listeners.add(listener);
    this.closers.add(onClose);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(onClose);
    };
  }
  /** How many long-polls are waiting (tests check that a closed connection frees its waiter). */
  get waiting() {
    return this.listeners.size;
  }
  /** Shutting down: every listener hears it now, and later ones at once. */
  close() {
    this.closed = true;
    for (const onClose of [...this.closers]) onClose();
    this.listeners.clear();
    this.closers.clear();
  }
};

// src/proxy/idle-collection.ts
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
var QUIET_MS = 5e3;
var GARBAGE_BYTES = 2 * 1024 * 1024;
function fullCollection() {
  const exposed = globalThis.gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc");
  } catch {
    return void 0;
  }
}
function idleCollection(quietMs = QUIET_MS) {
  const collect = fullCollection();
  let usedAfterLast = getHeapStatistics().used_heap_size;
  let timer;
  const quiet = () => {
    timer = void 0;
    if (!collect || getHeapStatistics().used_heap_size - usedAfterLast < GARBAGE_BYTES) return;
    setFlagsFromString("--compact-on-every-full-gc");
    try {
      collect();
    } finally {
      setFlagsFromString("--no-compact-on-every-full-gc");
    }
    usedAfterLast = getHeapStatistics().used_heap_size;
  };
  return {
    touch() {
      if (timer) timer.refresh();
      else {
        timer = setTimeout(quiet, quietMs);
        timer.unref();
      }
    },
    stop() {
      clearTimeout(timer);
      timer = void 0;
    }
  };
}

// src/proxy/sessions.ts
import { createHash as createHash3, randomBytes as randomBytes3 } from "node:crypto";
var KEEP_EXPIRED_MS = 12 * 36e5;
var hashOf = (token) => createHash3("sha256").update(token).digest("hex");
var SessionStore = class {
  constructor(db, minutes) {
    this.db = db;
    this.minutes = minutes;
  }
  db;
  minutes;
  /** A new session; returns its token (shown once) and when it ends. */
  create(identity, now = Date.now()) {
    this.sweep(now);
    const token = randomBytes3(32).toString("base64url");
    const expiresAt = now + this.minutes * 6e4;
    this.db.prepare(
      `INSERT INTO sessions (token_hash, party_id, party_name, supervisor, refresh_token, user_name, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      hashOf(token),
      identity.party.id,
      identity.party.name,
      identity.supervisor ? 1 : 0,
      identity.refreshToken,
      identity.userName,
      new Date(now).toISOString(),
      expiresAt
    );
    return { token, expiresAt };
  }
  find(token, now = Date.now()) {
    if (!token) return { state: "unknown" };
    const row = this.db.prepare("SELECT * FROM sessions WHERE token_hash = ?").get(hashOf(token));
    if (!row) return { state: "unknown" };
    if (row.expires_at <= now) return { state: "expired" };
    return {
      state: "valid",
      session: {
        party: { id: row.party_id, name: row.party_name },
        supervisor: row.supervisor === 1,
        refreshToken: row.refresh_token,
        userName: row.user_name,
        expiresAt: row.expires_at
      }
    };
  }
  /** Sessions not yet ended (for /metrics). */
  live(now = Date.now()) {
    return this.db.prepare("SELECT COUNT(*) AS n FROM sessions WHERE expires_at > ?").get(now).n;
  }
  /** Ends a session (sign-out, or renewal replacing it). */
  remove(token) {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(hashOf(token));
  }
  /** Renewal: the old token stops working and a new one starts, in one transaction. */
  replace(oldToken, identity, now = Date.now()) {
    return this.db.transaction(() => {
      this.remove(oldToken);
      return this.create(identity, now);
    })();
  }
  sweep(now) {
    this.db.prepare("DELETE FROM sessions WHERE expires_at < ?").run(now - KEEP_EXPIRED_MS);
  }
};

// src/proxy/imis-sso.ts
var BROKEN = "The gift proxy could not confirm your iMIS sign-in";
var record3 = (value) => typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
var text2 = (value) => typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
var values = (value) => Array.isArray(value) ? value : record3(value)?.$values ?? [];
async function identify(settings, refreshToken) {
  const base = settings.baseUrl();
  const signal = () => AbortSignal.timeout(settings.timeoutMs);
  let tokenAnswer;
  try {
    tokenAnswer = await fetch(`${base}/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        client_id: settings.clientId,
        client_secret: settings.clientSecret,
        refresh_token: refreshToken
      }),
      signal: signal()
    });
  } catch (error) {
    return { failure: "broken", message: `${BROKEN}: iMIS did not answer. Try again in a minute.`, reason: `token: ${String(error)}` };
  }
  const token = record3(await tokenAnswer.json().catch(() => void 0));
  if (!tokenAnswer.ok) {
    const code2 = text2(token?.error) ?? String(tokenAnswer.status);
    if (code2 === "invalid_grant") {
      return {
        failure: "expired",
        message: "Your iMIS sign-in has expired. Sign in to iMIS again, then sign in to gift entry.",
        reason: `token: ${code2}`
      };
    }
    return {
      failure: "broken",
      message: `${BROKEN}: iMIS refused the gift proxy's client application settings. Ask your administrator to check them.`,
      reason: `token: ${code2}`
    };
  }
  const accessToken = text2(token?.access_token);
  const userName = text2(token?.userName);
  if (!accessToken || !userName) {
    return { failure: "broken", message: `${BROKEN}: iMIS did not say who is signed in.`, reason: "token: no access_token or userName" };
  }
  const get = async (path) => {
    const answer2 = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/json" },
      signal: signal()
    });
    return answer2.ok ? record3(await answer2.json().catch(() => void 0)) : void 0;
  };
  try {
    const users = await get(`/api/user?username=${encodeURIComponent(userName)}`);
    const user = record3(values(record3(users?.Items) ?? users?.Items)[0]);
    const party = record3(user?.Party);
    const partyId = text2(party?.PartyId) ?? text2(party?.Id);
    if (!user || !partyId) {
      return { failure: "broken", message: `${BROKEN}: iMIS has no contact for your user name.`, reason: "api/user: no Party.PartyId" };
    }
    const name = text2(party?.Name) ?? text2((await get(`/api/party/${encodeURIComponent(partyId)}`))?.Name) ?? userName;
    const roles = values(user.Roles).flatMap((role) => {
      const r = record3(role);
      return [text2(r?.Description), text2(r?.Name), text2(r?.RoleKey)].filter((s) => s !== void 0);
    });
    return { userName, party: { id: partyId, name }, roles, refreshToken: text2(token?.refresh_token) ?? refreshToken };
  } catch (error) {
    return { failure: "broken", message: `${BROKEN}: iMIS did not answer. Try again in a minute.`, reason: `api/user: ${String(error)}` };
  }
}
function entitlement(roles, config) {
  const held = new Set(roles.map((role) => role.toLowerCase()));
  const any = (names) => names.some((name) => held.has(name.toLowerCase()));
  const supervisor = any(config.supervisorRoles);
  return { enters: supervisor || any(config.entryRoles), supervisor };
}

// src/proxy/sign-in-service.ts
var NEED_MESSAGES = {
  required: "Sign in through iMIS to enter gifts: this proxy records who enters each gift.",
  expired: "Your gift entry sign-in has expired. Sign in again; nothing you typed is lost.",
  refused: "Your iMIS user may not enter gifts. Ask your iMIS administrator for the gift entry role."
};
var SignInService = class {
  constructor(config, store, sso, log) {
    this.config = config;
    this.store = store;
    this.sso = sso;
    this.log = log;
  }
  config;
  store;
  sso;
  log;
  /** The iMIS page with the Single Sign-On content item, as an absolute URL (the demo's is on this proxy). */
  pageUrl(c) {
    return new URL(this.config.pageUrl, new URL(c.req.url).origin).href;
  }
  /** 401 (required, expired) or 403 (refused), with what the widget needs to offer sign-in. */
  need(c, state, message = NEED_MESSAGES[state]) {
    const signIn = { state, url: this.pageUrl(c) };
    return c.json({ message, signIn }, state === "refused" ? 403 : 401);
  }
  /** The person behind `refreshToken`, as a new session when they may enter gifts. */
  async signIn(refreshToken) {
    return this.open(refreshToken, void 0);
  }
  /** A fresh session for the same person, if iMIS still honours their sign-in and they still hold a role. */
  async renew(oldToken, refreshToken) {
    return this.open(refreshToken, oldToken);
  }
  signOut(token, party) {
    this.store.remove(token);
    this.log("info", "signed_out", { party: party.id });
  }
  async open(refreshToken, replacing) {
    const event = replacing ? "session_renewal_refused" : "sign_in_refused";
    const who = await identify(this.sso, refreshToken);
    if ("failure" in who) {
      this.log(who.failure === "expired" ? "info" : "error", event, { reason: who.reason });
      if (replacing) this.store.remove(replacing);
      return { ok: false, state: who.failure, message: who.message };
    }
    const { enters, supervisor } = entitlement(who.roles, this.config);
    if (!enters) {
      this.log("warn", event, { party: who.party.id, reason: "no gift entry role" });
      if (replacing) this.store.remove(replacing);
      const roles = [...this.config.entryRoles, ...this.config.supervisorRoles].join(" or ");
      return {
        ok: false,
        state: "refused",
        party: who.party,
        message: `You are signed in to iMIS as ${who.party.name}, but your iMIS user has none of the roles that may enter gifts (${roles}). Ask your iMIS administrator to give you one.`
      };
    }
    const identity = { party: who.party, supervisor, refreshToken: who.refreshToken, userName: who.userName };
    const { token, expiresAt } = replacing ? this.store.replace(replacing, identity) : this.store.create(identity);
    this.log("info", replacing ? "session_renewed" : "signed_in", {
      party: who.party.id,
      supervisor,
      expiresAt: new Date(expiresAt).toISOString()
    });
    return { ok: true, grant: { token, expiresAt: new Date(expiresAt).toISOString(), party: who.party, supervisor } };
  }
};

// src/proxy/server.ts
init_session_api();

// src/proxy/lookups-cache.ts
init_contract();
import { createHash as createHash4 } from "node:crypto";
var LookupsCache = class {
  constructor(client, ttlMs, transactionIdPrefix) {
    this.client = client;
    this.ttlMs = ttlMs;
    this.transactionIdPrefix = transactionIdPrefix;
  }
  client;
  ttlMs;
  transactionIdPrefix;
  cached;
  inFlight;
  async get() {
    if (this.cached && Date.now() - this.cached.fetchedAtMs < this.ttlMs) return { kind: "ok", lookups: { ...this.cached, stale: false } };
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = void 0;
    });
    const result = await this.inFlight;
    if (result.kind === "failed" && this.cached) return { kind: "ok", lookups: { ...this.cached, stale: true } };
    return result;
  }
  async refresh() {
    const [distributions, appeals, campaigns] = await Promise.all([
      this.client.lookup("distributions", distributionListSchema),
      this.client.lookup("appeals", codeDescriptionListSchema),
      this.client.lookup("campaigns", codeDescriptionListSchema)
    ]);
    if (distributions.kind !== "ok") return distributions;
    if (appeals.kind !== "ok") return appeals;
    if (campaigns.kind !== "ok") return campaigns;
    const now = Date.now();
    const response = {
      distributions: distributions.data,
      appeals: appeals.data,
      campaigns: campaigns.data,
      transactionIdPrefix: this.transactionIdPrefix,
      fetchedAt: new Date(now).toISOString()
    };
    const etag = `"${createHash4("sha256").update(JSON.stringify([response.distributions, response.appeals, response.campaigns, response.transactionIdPrefix])).digest("base64url").slice(0, 27)}"`;
    this.cached = { body: JSON.stringify(response), etag, fetchedAtMs: now };
    return { kind: "ok", lookups: { ...this.cached, stale: false } };
  }
};

// src/proxy/metrics.ts
init_contract();
var UPSTREAM_STATES2 = ["ok", "retrying", "held"];
var OUTCOMES = ["accepted", "rejected", "unauthorized", "retry"];
var OUTCOME_CLASSES = [
  "accepted",
  "rejected",
  "unauthorized",
  "server_error",
  "unavailable",
  "timeout",
  "network",
  "redirect",
  "odd_2xx",
  "other"
];
var FAILURE_CLASS = {
  timeout: "timeout",
  network: "network",
  misrouted: "redirect",
  "odd-answer": "odd_2xx",
  unavailable: "unavailable",
  "server-error": "server_error",
  refused: "other"
};
function outcomeClass(outcome) {
  switch (outcome.kind) {
    case "accepted":
    case "rejected":
    case "unauthorized":
      return outcome.kind;
    case "retry":
      return FAILURE_CLASS[outcome.failure];
    default:
      return "other";
  }
}
async function createMetrics(sources) {
  const { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } = await import("prom-client");
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: "gift_proxy_queue_depth",
    help: "Gifts waiting to go upstream (queued, sending or held).",
    registers: [registry],
    collect() {
      this.set(sources.outbox.depth());
    }
  });
  new Gauge({
    name: "gift_proxy_gifts",
    help: "Gifts in the journal by status; stuck gifts need someone to look at them.",
    labelNames: ["status"],
    registers: [registry],
    collect() {
      const counts2 = new Map(sources.outbox.countByStatus().map(({ status, count }) => [status, count]));
      for (const status of GIFT_STATUSES) this.set({ status }, counts2.get(status) ?? 0);
    }
  });
  new Gauge({
    name: "gift_proxy_upstream_state",
    help: "The upstream as the dispatcher sees it: 1 for the current state (held means the credentials were refused).",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const current = sources.upstreamState();
      for (const state of UPSTREAM_STATES2) this.set({ state }, current === state ? 1 : 0);
    }
  });
  new Gauge({
    name: "gift_proxy_oldest_waiting_seconds",
    help: "Age of the oldest gift still waiting to go upstream (0 when none waits): a queue that does not drain.",
    registers: [registry],
    collect() {
      const since = sources.outbox.oldestWaitingSince();
      this.set(since === void 0 ? 0 : Math.max(0, (Date.now() - Date.parse(since)) / 1e3));
    }
  });
  new Gauge({
    name: "gift_proxy_ready",
    help: "Whether the proxy can store gifts right now (1) or refuses them with 503 (0: disk full, read-only, stopping).",
    registers: [registry],
    collect() {
      this.set(sources.ready() ? 1 : 0);
    }
  });
  new Gauge({
    name: "gift_proxy_last_backup_timestamp_seconds",
    help: "When the last backup through POST /admin/backup was taken (0: none yet from this DATA_DIR).",
    registers: [registry],
    collect() {
      this.set((sources.lastBackup()?.at ?? 0) / 1e3);
    }
  });
  new Gauge({
    name: "gift_proxy_last_backup_bytes",
    help: "Size of the last backup taken (0: none yet).",
    registers: [registry],
    collect() {
      this.set(sources.lastBackup()?.bytes ?? 0);
    }
  });
  new Gauge({
    name: "gift_proxy_build_info",
    help: "The running release: always 1, with its version, commit, Node.js version and journal schema as labels.",
    labelNames: ["version", "commit", "node", "schema_version"],
    registers: [registry]
  }).set(
    {
      version: sources.build.version,
      commit: sources.build.commit,
      node: sources.build.node,
      schema_version: String(sources.build.schemaVersion)
    },
    1
  );
  new Counter({
    name: "gift_proxy_refused_guesses_total",
    help: "Wrong caller keys, admin tokens and refresh tokens since start: a steep rise is someone guessing (each is answered ever more slowly).",
    labelNames: ["kind"],
    registers: [registry],
    collect() {
      this.reset();
      for (const [kind, count] of Object.entries(sources.refusedGuesses?.() ?? {})) this.inc({ kind }, count);
    }
  });
  new Gauge({
    name: "gift_proxy_sessions",
    help: "Live sign-in sessions (0 when sign-in is off).",
    registers: [registry],
    collect() {
      this.set(sources.liveSessions?.() ?? 0);
    }
  });
  const imports = new Counter({
    name: "gift_proxy_upstream_imports_total",
    help: "Upstream import calls by outcome (retry: no verdict, the same gift will be sent again).",
    labelNames: ["outcome"],
    registers: [registry]
  });
  const retries = new Counter({
    name: "gift_proxy_upstream_retries_total",
    help: "Import calls that ended without a verdict (5xx, timeout, network), so the gift is retried.",
    registers: [registry]
  });
  const latency = new Histogram({
    name: "gift_proxy_upstream_import_duration_seconds",
    help: "Time one upstream import call took, by outcome.",
    labelNames: ["outcome"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 21, 34, 60],
    registers: [registry]
  });
  const classes = new Counter({
    name: "gift_proxy_upstream_outcomes_total",
    help: "Upstream import calls by class: the verdicts, and each kind of failure (5xx, unavailable, timeout, network, redirect, odd 2xx).",
    labelNames: ["class"],
    registers: [registry]
  });
  for (const outcome of OUTCOMES) {
    imports.inc({ outcome }, 0);
    latency.zero({ outcome });
  }
  for (const name of OUTCOME_CLASSES) classes.inc({ class: name }, 0);
  return {
    registry,
    instrument(client) {
      return {
        lookup: (name, schema) => client.lookup(name, schema),
        async importGift(request) {
          const stop = latency.startTimer();
          const outcome = await client.importGift(request);
          stop({ outcome: outcome.kind });
          imports.inc({ outcome: outcome.kind });
          classes.inc({ class: outcomeClass(outcome) });
          if (outcome.kind === "retry") retries.inc();
          return outcome;
        }
      };
    }
  };
}

// src/proxy/upstream-client.ts
init_contract();
import { STATUS_CODES } from "node:http";
import * as z13 from "zod/mini";

// src/proxy/http-call.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createGunzip, createInflate } from "node:zlib";
function httpCall(url, call, cap, timeoutMs) {
  return new Promise((resolve3, reject) => {
    const target = new URL(url);
    const body = call.body === void 0 ? void 0 : Buffer.from(call.body, "utf8");
    const headers = body === void 0 ? call.headers : { ...call.headers, "Content-Length": String(body.length) };
    const send2 = target.protocol === "https:" ? httpsRequest : httpRequest;
    let settled = false;
    const fail = (error) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(error);
    };
    const request = send2(target, { method: call.method, headers, signal: AbortSignal.timeout(timeoutMs) }, (response) => {
      const encoding = String(response.headers["content-encoding"] ?? "").toLowerCase();
      const stream = encoding === "gzip" ? response.pipe(createGunzip()) : encoding === "deflate" ? response.pipe(createInflate()) : response;
      const chunks = [];
      let size = 0;
      const finish = (truncated) => {
        if (settled) return;
        settled = true;
        resolve3({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), truncated });
        if (!truncated) return;
        if (stream !== response) stream.destroy();
        request.destroy();
      };
      stream.on("data", (chunk) => {
        if (settled) return;
        const room = cap - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (chunk.length >= room) finish(true);
      });
      stream.on("end", () => finish(false));
      stream.on("error", fail);
      response.on("error", fail);
      response.on("aborted", () => fail(Object.assign(new Error("the answer was cut off"), { code: "ECONNRESET" })));
    });
    request.on("error", fail);
    request.end(body);
  });
}

// src/proxy/upstream-client.ts
var IMPORT_ANSWER_CAP_BYTES = 64 * 1024;
var LOOKUP_ANSWER_CAP_BYTES = 4 * 1024 * 1024;
var UPSTREAM_MESSAGE_MAX_CHARS = 500;
function cutMessage(text4) {
  const flat = text4.replace(/[\u0000-\u001f\u007f-\u009f\ufffd\s]+/g, " ").trim();
  return flat.length <= UPSTREAM_MESSAGE_MAX_CHARS ? flat : `${flat.slice(0, UPSTREAM_MESSAGE_MAX_CHARS - 1)}\u2026`;
}
function upstreamMessage(bodyText) {
  try {
    const parsed = z13.safeParse(upstreamErrorSchema, JSON.parse(bodyText));
    return parsed.success ? cutMessage(parsed.data.Message) : void 0;
  } catch {
    return void 0;
  }
}
function statusWords(status) {
  const words = STATUS_CODES[status];
  return words ? `${status} ${words}` : String(status);
}
function classifyImportResponse(status, bodyText) {
  if (status === 202) return { kind: "accepted" };
  if (status === 401) return { kind: "unauthorized" };
  const message = upstreamMessage(bodyText);
  const said = message ? ` (${message})` : "";
  if (status === 400) return { kind: "rejected", upstreamMessage: message ?? (cutMessage(bodyText) || "Bad request") };
  if (status >= 300 && status < 400 || status === 405) {
    return {
      kind: "retry",
      reason: status === 405 ? `the gift service does not take imports at this address (405)${said}; check GIFT_API_BASE_URL` : `the gift service redirected the call (${status}) instead of answering; redirects are never followed, check GIFT_API_BASE_URL`,
      failure: "misrouted"
    };
  }
  if (status >= 200 && status < 300) {
    return {
      kind: "retry",
      reason: `the gift service answered ${status} rather than 202 Accepted, so it is not certain the gift was recorded`,
      failure: "odd-answer"
    };
  }
  if (status === 502 || status === 503 || status === 504 || status === 429) {
    return { kind: "retry", reason: `the gift service is unavailable (${statusWords(status)})${said}`, failure: "unavailable" };
  }
  if (status === 408) return { kind: "retry", reason: `the gift service gave up waiting (${statusWords(status)})`, failure: "timeout" };
  if (status >= 500) return { kind: "retry", reason: `the gift service answered ${status}${said}`, failure: "server-error" };
  const hint = status === 404 ? "; if every gift gets this, check GIFT_API_BASE_URL" : "";
  return { kind: "retry", reason: `the gift service refused this gift (${statusWords(status)})${said}${hint}`, failure: "refused" };
}
function describeFailure(error, timeoutMs) {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    const within = timeoutMs >= 1e3 ? `${Math.round(timeoutMs / 1e3)} s` : `${timeoutMs} ms`;
    return { reason: `no answer from the gift service within ${within}`, failure: "timeout" };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code2 = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : void 0;
  return { reason: `could not reach the gift service${code2 ? ` (${code2})` : ""}`, failure: "network" };
}
function createUpstreamClient(baseUrl, token, timeoutMs, secrets = []) {
  const mask = secretMasker([token, ...secrets]);
  const headers = {
    Authorization: `Bearer ${token}`,
    Accept: "application/json",
    "Accept-Encoding": "gzip, deflate"
  };
  const call = (path, init, cap) => httpCall(`${baseUrl}${path}`, init, cap, timeoutMs);
  return {
    async importGift(request) {
      try {
        const { status, text: text4 } = await call(
          UPSTREAM_IMPORT_PATH,
          { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: importRequestBody(request) },
          IMPORT_ANSWER_CAP_BYTES
        );
        return classifyImportResponse(status, mask(text4));
      } catch (error) {
        return { kind: "retry", ...describeFailure(error, timeoutMs) };
      }
    },
    async lookup(name, schema) {
      try {
        const { status, text: text4, truncated } = await call(UPSTREAM_LOOKUP_PATHS[name], { method: "GET", headers }, LOOKUP_ANSWER_CAP_BYTES);
        if (status === 401) return { kind: "unauthorized" };
        if (status !== 200) return { kind: "failed", reason: `the gift service answered ${statusWords(status)} for ${name}` };
        if (truncated)
          return { kind: "failed", reason: `the gift service sent ${name} larger than ${LOOKUP_ANSWER_CAP_BYTES / 1024 / 1024} MB` };
        const parsed = z13.safeParse(schema, JSON.parse(text4));
        if (!parsed.success) return { kind: "failed", reason: `the gift service sent ${name} in an unexpected shape` };
        return { kind: "ok", data: parsed.data };
      } catch (error) {
        if (error instanceof SyntaxError) return { kind: "failed", reason: `the gift service sent ${name} that is not JSON` };
        return { kind: "failed", reason: describeFailure(error, timeoutMs).reason };
      }
    }
  };
}

// src/proxy/server.ts
var RETENTION_SWEEP_MS = 36e5;
function scheduleRetention(outbox, batches, days, log) {
  if (days === void 0) return void 0;
  const sweep = () => {
    const cutoff = retentionCutoff(days);
    const redacted = outbox.redactSettledBefore(cutoff);
    const rows = batches.redactPostedBefore(cutoff);
    if (redacted > 0 || rows > 0)
      log("info", "journal_retention", { redactedGifts: redacted, redactedBatchRows: rows, retentionDays: days });
  };
  sweep();
  const timer = setInterval(sweep, RETENTION_SWEEP_MS);
  timer.unref();
  return timer;
}
var SHUTDOWN_GRACE_MS = 2e3;
function listen(fetch2, host, port, requestTimeoutMs) {
  return new Promise((resolve3, reject) => {
    const serverOptions = {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1e3, Math.floor(requestTimeoutMs / 4)))
    };
    const server = serve({ fetch: fetch2, hostname: host, port, serverOptions }, () => resolve3(server));
    server.once("error", reject);
  });
}
function closeServer(server) {
  return new Promise((resolve3) => {
    const idle = "closeIdleConnections" in server ? () => server.closeIdleConnections() : () => {
    };
    const sweep = setInterval(idle, 50);
    const cut = setTimeout(() => {
      if ("closeAllConnections" in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(cut);
      resolve3();
    });
    idle();
  });
}
async function startProxy(env, options = {}) {
  const config = readConfig(env);
  const log = createLogger(secretsOf(config), options.log);
  let upstreamBaseUrl = config.upstreamBaseUrl ?? "";
  let closeSimulator;
  if (config.upstreamBaseUrl === void 0) {
    const { startSimulator: startSimulator2 } = await Promise.resolve().then(() => (init_server(), server_exports));
    const simulator = await startSimulator2({ token: config.upstreamToken, processingDelayMs: config.simulatorDelay });
    upstreamBaseUrl = simulator.url;
    closeSimulator = () => simulator.close();
    log("warn", "simulator_in_use", {
      upstream: simulator.url,
      note: "GIFT_API_BASE_URL is not set: gifts go to the built-in simulator, NOT to iMIS"
    });
  }
  let demo;
  let outbox;
  let batches;
  let resumed;
  try {
    if (closeSimulator && options.demo) demo = await options.demo();
    outbox = new Outbox(config.dataDir, { log });
    batches = new BatchStore(outbox);
    resumed = outbox.recover();
  } catch (error) {
    outbox?.close();
    await closeSimulator?.();
    throw journalStartFailure(config.dataDir, error);
  }
  let stopping = false;
  const metrics = config.adminTokens.length === 0 ? void 0 : await createMetrics({
    outbox,
    upstreamState: () => dispatcher.upstream.state,
    ready: () => !stopping && outbox.checkWritable().writable,
    lastBackup: () => readBackupRecord(config.dataDir),
    build: buildInfo(),
    refusedGuesses: () => ({
      caller_key: keyGuesses.refusedTotal,
      admin_token: adminGuesses.refusedTotal,
      sign_in_token: signInGuesses.refusedTotal
    }),
    liveSessions: () => signIn?.store.live()
  });
  const upstream = createUpstreamClient(upstreamBaseUrl, config.upstreamToken, config.upstreamTimeoutMs, secretsOf(config));
  const client = metrics?.instrument(upstream) ?? upstream;
  const changes = new GiftChanges();
  const dispatcher = new Dispatcher(outbox, client, config, log, changes);
  const lookups = new LookupsCache(client, config.lookupsTtlMs, config.transactionIdPrefix);
  let ownUrl = "";
  const signIn = config.signIn && new SignInService(
    config.signIn,
    new SessionStore(outbox.database, config.signIn.sessionMinutes),
    {
      baseUrl: () => config.signIn?.imisBaseUrl ?? `${ownUrl}${DEMO_SIGN_IN.imisPath}`,
      clientId: config.signIn.clientId,
      clientSecret: config.signIn.clientSecret,
      timeoutMs: Math.min(config.upstreamTimeoutMs, 15e3)
    },
    log
  );
  const keyGuesses = new KeyFailures("caller_key_refused", log);
  const adminGuesses = new KeyFailures("admin_token_refused", log);
  const signInGuesses = new KeyFailures("sign_in_token_refused", log);
  const app = createApp({
    signIn,
    keyGuesses,
    adminGuesses,
    signInGuesses,
    config,
    outbox,
    dispatcher,
    batches,
    changes,
    lookups,
    log,
    simulated: closeSimulator !== void 0,
    stopping: () => stopping,
    metrics,
    demo,
    widgetBundle: options.widgetBundle
  });
  let server;
  try {
    server = await listen(app.fetch, config.host, config.port, config.requestTimeoutMs);
  } catch (error) {
    outbox.close();
    await closeSimulator?.();
    const code2 = error && typeof error === "object" && "code" in error ? String(error.code) : "";
    throw new Error(
      code2 === "EADDRINUSE" ? `Port ${config.port} on ${config.host} is already in use: stop the other process or set PORT.` : `The proxy could not listen on ${config.host}:${config.port} (${code2 || "unknown error"}).`,
      { cause: error }
    );
  }
  dispatcher.start();
  const retention = scheduleRetention(outbox, batches, config.retentionDays, log);
  const collection = idleCollection();
  server.on("request", () => collection.touch());
  const address = server.address();
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  ownUrl = url;
  const build = buildInfo();
  log("info", "proxy_started", {
    url,
    version: build.version,
    commit: build.commit,
    node: build.node,
    schemaVersion: build.schemaVersion,
    pid: process.pid,
    dataDir: config.dataDir,
    resumedGifts: resumed,
    queueDepth: outbox.depth(),
    allowedOrigins: config.allowedOrigins.join(",") || "(none)",
    callerChecks: config.callerChecksOff ? "OFF (loopback host, no GIFT_ENTRY_KEYS): local development only; only requests addressed to a loopback Host (localhost, 127.0.0.1, [::1]) are answered" : "on",
    signIn: config.signIn ? `on: every API call needs an iMIS sign-in (${config.signIn.imisBaseUrl ?? "the demo iMIS stand-in"}; entry roles ${config.signIn.entryRoles.join(",")}; supervisor roles ${config.signIn.supervisorRoles.join(",") || "(none)"}; sessions ${config.signIn.sessionMinutes} min)` : "off: caller keys alone, each reading only what it entered"
  });
  let closing;
  return {
    url,
    config,
    simulatorUrl: closeSimulator ? upstreamBaseUrl : void 0,
    outbox,
    changes,
    close(reason = "close") {
      closing ??= (async () => {
        const began = Date.now();
        log("info", "proxy_stopping", { reason, queueDepth: outbox.depth() });
        stopping = true;
        const closed = closeServer(server);
        clearInterval(retention);
        collection.stop();
        const stopped = dispatcher.stop();
        dispatcher.releaseWaiters();
        changes.close();
        keyGuesses.flush();
        adminGuesses.flush();
        signInGuesses.flush();
        await stopped;
        await closed;
        const queueDepth = outbox.depth();
        const stuck = outbox.stuckCount();
        outbox.close();
        await closeSimulator?.();
        log("info", "proxy_stopped", { reason, queueDepth, stuck, durationMs: Date.now() - began });
      })();
      return closing;
    }
  };
}

// src/proxy/main.ts
var DEMO_MODULE = import.meta.url.endsWith(".ts") ? "../demo/routes.ts" : "./demo.js";
var demoMissing = false;
var loadDemo = async () => {
  let module;
  try {
    module = await import(DEMO_MODULE);
  } catch {
    demoMissing = true;
    return void 0;
  }
  return module.demoRoutes(process.env);
};
try {
  const proxy = await startProxy(process.env, { demo: loadDemo });
  if (process.stderr.isTTY) {
    const lines = [`Gift entry proxy listening on ${proxy.url}`];
    if (proxy.simulatorUrl) {
      lines.push(
        demoMissing ? "  demo page: not available (dist/server/demo.js is missing: run npm run build)" : `  demo page: ${proxy.url}/   iMIS stand-in: ${proxy.url}/imis/Staff/Record_a_gift.aspx`,
        "",
        "  *** SIMULATOR MODE: GIFT_API_BASE_URL is not set. Gifts go to the built-in simulator, not to iMIS. ***",
        "  Set GIFT_API_BASE_URL, GIFT_API_TOKEN and GIFT_FINANCIAL_ACCOUNT_ID to talk to the real External Gift API."
      );
    }
    if (proxy.config.signIn && proxy.config.signIn.imisBaseUrl === void 0) {
      lines.push(
        "",
        `  Sign-in is ON through the demo's iMIS stand-in: ${proxy.url}/imis/Staff/Sign_in_to_gift_entry.aspx (README: Signing in through iMIS).`
      );
    }
    if (proxy.config.callerChecksOff) {
      lines.push("", "  Caller checks are OFF (loopback host and no GIFT_ENTRY_KEYS): fine for local use, never for a shared server.");
    }
    process.stderr.write(`${lines.join("\n")}

`);
  }
  const shutdown = (signal) => {
    proxy.close(signal).then(
      () => process.exit(0),
      () => process.exit(1)
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}
`);
  process.exit(1);
}
