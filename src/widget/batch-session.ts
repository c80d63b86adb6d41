/**
 * The batch as staff handle it around the gifts: the form that starts it or changes its
 * defaults (as typed), the batches kept open at the proxy to continue, review mode's post
 * step, and the chunk that holds those forms. A Lit reactive controller: it owns this
 * state and the rules for acting on it; the element says what happened and moves focus.
 * Review mode's own actions (continue a batch, post it) live with its forms, in
 * batch-forms.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BatchSummary } from '../contract/batch-api.ts';
import type { BatchDefaults, BatchMode } from '../contract/batch-model.ts';
import { DATE_TEXT_MESSAGE, parseDateText } from '../contract/date-text.ts';
import type { BatchController } from './batch-controller.ts';
import { setupFrom, type BatchForms, type BatchSetup, type SetupField } from './batch-header.ts';
import { emptyHeader, parseExpected, type BatchHeader } from './batch.ts';
import type { ProxyClient } from './proxy-client.ts';

const EXPECTED_MESSAGE = 'Enter the expected number of gifts as a whole number and the expected total as an amount, like 1,234.50.';

export class BatchSession implements ReactiveController {
  setup: BatchSetup = setupFrom(undefined, {});
  error: string | undefined;
  /** The start/change form is shown. */
  editing = false;
  openBatches: BatchSummary[] | undefined;
  posting: { reason: string; error: string | undefined } | undefined;
  busy = false;
  forms: BatchForms | undefined;
  private formsLoading: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly batch: BatchController,
    readonly client: () => ProxyClient,
    /** The staff member's party ID, as the page reports it. */
    readonly by: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Re-renders the element: this controller's state changed (also said by review mode's actions). */
  changed(): void {
    this.host.requestUpdate();
  }

  /**
   * Immediate mode starts a batch from the placement's defaults at once, so one gift
   * needs no setup; review mode asks for the batch first, and lists batches kept open.
   */
  noBatchYet(mode: BatchMode, defaults: Partial<BatchDefaults>): void {
    this.batch.finish();
    this.editing = mode === 'review';
    this.changed();
    if (mode === 'immediate') {
      void this.batch.start(emptyHeader('immediate', defaults), this.by());
      return;
    }
    this.setup = setupFrom(undefined, defaults);
    void this.client()
      .listBatches('open')
      .then((answer) => {
        this.openBatches = answer.ok ? answer.value.batches : [];
        this.changed();
      });
  }

  /** The forms' chunk, when a form or the post step is first needed (idempotent). */
  needForms(): void {
    this.formsLoading ??= import('./batch-forms.ts').then(
      (forms) => {
        this.forms = forms;
        this.changed();
      },
      () => {
        this.formsLoading = undefined; // the next render tries again
        this.error = 'The batch form did not load: check the connection, then reload the page.';
        this.changed();
      },
    );
  }

  input(field: SetupField, value: string): void {
    this.setup = { ...this.setup, [field]: value };
    this.changed();
  }

  edit(fallback: Partial<BatchDefaults>): void {
    this.setup = setupFrom(this.batch.header, fallback);
    this.error = undefined;
    this.editing = true;
    this.changed();
  }

  cancel(): void {
    this.editing = !this.batch.header;
    this.error = undefined;
    this.changed();
  }

  /** Starts the batch, or saves its new defaults; undefined when the form says why not. */
  async save(mode: BatchMode): Promise<{ starting: boolean; header: BatchHeader } | undefined> {
    if (this.busy) return undefined;
    const { setup } = this;
    const receivedDate = setup.receivedDate.trim() === '' ? '' : parseDateText(setup.receivedDate);
    const expected = { count: setup.count, total: setup.total };
    this.error = receivedDate === undefined ? DATE_TEXT_MESSAGE : parseExpected(expected) === 'invalid' ? EXPECTED_MESSAGE : undefined;
    if (this.error || receivedDate === undefined) return void this.changed();
    const defaults: BatchDefaults = {
      distribution: setup.distribution,
      campaignCode: setup.campaignCode,
      appealCode: setup.appealCode,
      receivedDate,
    };
    this.busy = true;
    const starting = !this.batch.header;
    const answer = starting
      ? await this.batch.start({ ...emptyHeader(mode, defaults), expected }, this.by())
      : await this.batch.change(defaults, expected, this.by());
    this.busy = false;
    this.error = answer.ok ? undefined : answer.error.message;
    this.editing = !answer.ok;
    this.changed();
    return answer.ok ? { starting, header: answer.value } : undefined;
  }
}
