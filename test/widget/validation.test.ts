import { AMOUNT_TEXT_MESSAGE } from '../../src/contract/amount-text.ts';
import { MESSAGES } from '../../src/contract/gift-schema.ts';
import { tooLongMessage } from '../../src/contract/gift-fields.ts';
import { withFakeProxy } from './fake-proxy.ts';
import { control, errorFor, expect, expectNoAxeViolations, fill, fillValidGift, mountWidget, submit } from './widget-helpers.ts';

describe('every contract rule surfaces on the right field', () => {
  const proxy = withFakeProxy();

  const onBlur: Array<[string, Record<string, string>, string, string]> = [
    ['amount as words', { amount: 'twenty' }, 'amount', AMOUNT_TEXT_MESSAGE],
    ['a zero amount', { amount: '0' }, 'amount', MESSAGES.amountPositive],
    ['fractions of a cent', { amount: '10.005' }, 'amount', AMOUNT_TEXT_MESSAGE],
    ['an email without @', { emailAddress: 'ada.example.org' }, 'emailAddress', MESSAGES.emailFormat],
    ['letters in the phone', { phone: 'call me' }, 'phone', MESSAGES.phoneCharacters],
    ['a hyphen in the iMIS ID', { imisId: '12-34' }, 'imisId', MESSAGES.imisIdCharacters('imisId')],
    ['a space in the soft credit ID', { softCreditId: '12 34' }, 'softCreditId', MESSAGES.imisIdCharacters('softCreditId')],
    ['a campaign code longer than the API takes', { campaignCode: 'X'.repeat(11) }, 'campaignCode', tooLongMessage('campaignCode')],
  ];
  for (const [name, values, field, message] of onBlur) {
    it(`${name} → "${message}" on ${field}, as soon as the field is left`, async () => {
      const el = await mountWidget();
      if (field === 'campaignCode') {
        // Not offered by the picker, but a page default could carry it: the rule still holds.
        el.campaign = values.campaignCode!;
        await el.updateComplete;
        await fillValidGift(el);
        await submit(el);
      } else {
        for (const [f, v] of Object.entries(values)) await fill(el, f, v);
      }
      expect(errorFor(el, field)).to.equal(message);
      expect(control(el, field).getAttribute('aria-invalid')).to.equal('true');
    });
  }

  it('amounts are read as staff write them: "$1,234.50" passes and is shown back formatted', async () => {
    const el = await mountWidget();
    await fill(el, 'amount', '$1234.5');
    expect(errorFor(el, 'amount')).to.equal(undefined);
    expect(control(el, 'amount').value).to.equal('1,234.50');
  });

  it('the donor rule: nothing → the three choices on iMIS ID; half a name → the missing half', async () => {
    const el = await mountWidget();
    await fillValidGift(el, { firstName: '', lastName: '' });
    await submit(el);
    expect(errorFor(el, 'imisId')).to.equal(MESSAGES.contactRequired);
    await fill(el, 'firstName', 'Ada');
    expect(errorFor(el, 'lastName')).to.equal(MESSAGES.lastNameWithFirst);
    await fill(el, 'company', 'Acme');
    expect(errorFor(el, 'lastName')).to.equal(undefined);
  });

  it('fund or a campaign is required, and either one satisfies it', async () => {
    const el = await mountWidget();
    await fillValidGift(el, { distribution: '' });
    await submit(el);
    expect(errorFor(el, 'distribution')).to.equal(MESSAGES.fundRequired);
    await fill(el, 'campaignCode', 'SAFE');
    expect(errorFor(el, 'distribution')).to.equal(undefined);
  });

  it('email is required', async () => {
    const el = await mountWidget();
    await fillValidGift(el, { emailAddress: '' });
    await submit(el);
    expect(errorFor(el, 'emailAddress')).to.equal(MESSAGES.emailRequired);
    expect(proxy().posts.length).to.equal(0);
  });

  it('a failed submit focuses an error summary whose links move focus to each field', async () => {
    const el = await mountWidget();
    await submit(el);
    const summary = el.querySelector<HTMLElement>('.error-summary')!;
    expect(document.activeElement).to.equal(summary);
    expect(summary.classList.contains('AsiValidationSummary')).to.equal(true);
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      MESSAGES.contactRequired,
      MESSAGES.amountType,
      MESSAGES.emailRequired,
      MESSAGES.fundRequired,
    ]);
    links[0]!.click();
    expect(document.activeElement).to.equal(control(el, 'imisId'));
    links[2]!.click();
    expect(document.activeElement).to.equal(control(el, 'emailAddress'));
    expect(proxy().posts.length).to.equal(0);
  });

  it('tabbing past an empty field is not a mistake: no message until something is typed or the gift is submitted', async () => {
    const el = await mountWidget();
    for (const field of ['amount', 'firstName', 'emailAddress']) {
      control(el, field).focus();
      control(el, field).blur();
    }
    await el.updateComplete;
    expect(el.querySelectorAll('.field-error').length).to.equal(0);
  });

  it('fixing a field clears its message at once', async () => {
    const el = await mountWidget();
    await submit(el);
    await fill(el, 'amount', '5');
    expect(errorFor(el, 'amount')).to.equal(undefined);
    expect(control(el, 'amount').getAttribute('aria-invalid')).to.equal('false');
  });

  it('has no accessibility violations in the error state', async () => {
    const el = await mountWidget();
    await submit(el);
    await expectNoAxeViolations(el);
  });
});
