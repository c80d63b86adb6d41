import{C as e,E as t,T as n,b as r,c as i,d as a,g as o,h as s,l as c,m as l,p as u,s as d,u as f,x as p}from"./gift-entry.js";var m={queued:`Queued`,sending:`Sending`,accepted:`Recorded`,rejected:`Needs correcting`,held:`Held`,stuck:`Needs attention`},h=e=>`${e} gift${Math.abs(e)===1?``:`s`}`,g=e=>r(e/100);function _(e,n,r){let i=`${e.uid}-expected-${n}`;return t`<div class="PanelField">
<label for=${i}>${r}</label>
<div class="PanelFieldValue">
<input
id=${i}
class="InputSmall"
inputmode=${n===`count`?`numeric`:`decimal`}
autocomplete="off"
name="expected-${n}"
?disabled=${e.header.posted}
@input=${t=>e.onExpected(n,t.target.value)}
/>
</div>
</div>`}function v(e,n,r){return t`<button type="button" class="TextButton" aria-label=${n} @click=${r}>${e}</button>`}function y(e,i){let a=`the gift of ${r(i.amount)} from ${i.donor}`;return i.withdrawn?n:i.waiting?v(`Withdraw`,`Withdraw ${a}: it will not be sent`,()=>e.onWithdraw(i)):i.status!==void 0||e.header.posted?i.status===`rejected`?t`${v(`Correct and resend`,`Correct and resend ${a}`,()=>e.onCorrect(i))}
${v(`Withdraw`,`Withdraw ${a}: it will not be sent`,()=>e.onWithdraw(i))}`:i.status===`stuck`?v(`Send again`,`Send again ${a}`,()=>e.onRetry(i)):n:t`${v(`Edit`,`Edit ${a}`,()=>e.onEdit(i))} ${v(`Remove`,`Remove ${a} from the batch`,()=>e.onRemove(i))}`}function b(v){let b=l(i(v.entries)),x=a(v.entries).length,S=e=>`${v.uid}-${e}`,C=c(v.header.defaults);return t`<section class="batch" aria-labelledby=${S(`batch-title`)}>
<h2 id=${S(`batch-title`)}>This batch</h2>
${function(e){let i=f(e.entries);return i.length===0?n:t`<section class="needs-correcting AsiError" aria-labelledby=${`${e.uid}-corrections`}>
<h3 id=${`${e.uid}-corrections`}>Needs correcting: ${h(i.length)}</h3>
<ul>
${i.map(n=>t`<li>
<span>${r(n.amount)} from ${n.donor}: ${n.message??`refused by the gift service`}</span>
${y(e,n)}
</li>`)}
</ul>
</section>`}(v)}
<p class="batch-totals">
Entered: <strong>${h(b.count)}</strong>, <strong>${g(b.totalCents)}</strong>${b.refused?t`; <span class="Important">not counted: ${h(b.refused)} refused, to correct and resend</span>`:n}${x?t`; <span class="AsiWarning">${h(x)} waiting for the gift proxy (kept in this browser)</span>`:n}.
</p>
${function(e){let r=o(i(e.entries));return r.length<1?n:t`<ul class="fund-totals" aria-label="Totals by fund">
${r.map(n=>t`<li>${e.name(`distribution`,n.fund)||e.name(`campaignCode`,n.fund)||`No fund`}: ${h(n.count)},
${g(n.totalCents)}</li>`)}
</ul>`}(v)}
<div class="batch-expected">
${_(v,`count`,`Expected number of gifts`)} ${_(v,`total`,`Expected total ($)`)}
</div>
${function(e){let r=d(e.entries,e.header.expected);switch(r.kind){case`none`:return n;case`invalid`:return t`<p class="Important">Enter the expected count as a whole number and the total as an amount, like 1,234.50.</p>`;case`match`:return t`<p class="AsiSuccess batch-difference">Matches the stack in hand.</p>`;case`unresolved`:return t`<p class="AsiWarning batch-difference">
Count and total agree, but the batch is not done:
${r.refused?`${h(r.refused)} to correct and resend or withdraw`:a(e.entries).length?`${h(a(e.entries).length)} waiting for the gift proxy`:`a gift is held or needs attention`}.
</p>`;case`differs`:{let e=[];return r.count&&e.push(r.count>0?`${h(r.count)} still to enter`:`${h(-r.count)} more than expected`),r.totalCents&&e.push(r.totalCents>0?`${g(r.totalCents)} still to enter`:`${g(-r.totalCents)} more than expected`),t`<p class="AsiWarning batch-difference">Difference: ${e.join(`, `)}.</p>`}}}(v)} ${v.header.mode===`review`?v.forms?.postStep(v):n}
${v.entries.length===0?t`<p class="batch-empty">No gifts entered yet.</p>`:t`<table class="batch-table stacking">
<caption class="visually-hidden">
Gifts of this batch, newest first; fields marked “not the batch’s” differ from the batch’s defaults
</caption>
<thead>
<tr>
<th scope="col">Donor</th>
<th scope="col">Amount</th>
${u.map(e=>t`<th scope="col">${p[e]}</th>`)}
<th scope="col">Status</th>
<th scope="col">Transaction ID</th>
</tr>
</thead>
<tbody>
${v.entries.map(i=>{let a=s(i,C);return t`<tr class="status-${i.waiting?`waiting`:i.status??`kept`} ${a.length?`differs-row`:``}" data-id=${i.transactionId}>
<td data-label="Donor">${i.donor}</td>
<td data-label="Amount" class="amount">${r(i.amount)}</td>
${u.map(r=>function(r,i,a,o){let s=a===`receivedDate`?e(i.receivedDate):r.name(a,i[a]);return t`<td data-label=${p[a]} class=${o.includes(a)?`differs`:``}>
${s||`—`}${o.includes(a)?t` <span class="differs-tag">(not the batch’s)</span>`:n}
</td>`}(v,i,r,a))}
<td data-label="Status">
<span class="status">${(e=>e.withdrawn?`Withdrawn (not sent)`:e.waiting?`Waiting for the gift proxy`:e.status?m[e.status]:`In the batch (not sent yet)`)(i)}</span>
${i.message&&i.status!==`accepted`?t`<div class="status-message">${i.message}</div>`:n}
${y(v,i)}
</td>
<td data-label="Transaction ID"><code>${i.transactionId}</code></td>
</tr>`})}
</tbody>
</table>`}
</section>`}export{m as STATUS_WORDS,b as batchPanel};