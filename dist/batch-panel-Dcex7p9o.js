import{S as e,T as t,b as n,c as r,f as i,h as a,l as o,m as s,o as c,p as l,s as u,u as d,w as f,y as p}from"./gift-entry.js";var m={queued:`Queued`,sending:`Sending`,accepted:`Recorded`,rejected:`Needs correcting`,held:`Held`,stuck:`Needs attention`},h=e=>`${e} gift${Math.abs(e)===1?``:`s`}`,g=e=>p(e/100);function _(e,n,r){let i=`${e.uid}-expected-${n}`;return t`<div class="PanelField">
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
</div>`}function v(e,n,r){return t`<button type="button" class="TextButton" aria-label=${n} @click=${r}>${e}</button>`}function y(e,n){let r=`the gift of ${p(n.amount)} from ${n.donor}`;return n.withdrawn?f:n.waiting?v(`Withdraw`,`Withdraw ${r}: it will not be sent`,()=>e.onWithdraw(n)):n.status!==void 0||e.header.posted?n.status===`rejected`?t`${v(`Correct and resend`,`Correct and resend ${r}`,()=>e.onCorrect(n))}
${v(`Withdraw`,`Withdraw ${r}: it will not be sent`,()=>e.onWithdraw(n))}`:n.status===`stuck`?v(`Send again`,`Send again ${r}`,()=>e.onRetry(n)):f:t`${v(`Edit`,`Edit ${r}`,()=>e.onEdit(n))} ${v(`Remove`,`Remove ${r} from the batch`,()=>e.onRemove(n))}`}function b(v){let b=l(u(v.entries)),x=d(v.entries).length,S=e=>`${v.uid}-${e}`,C=r(v.header.defaults);return t`<section class="batch" aria-labelledby=${S(`batch-title`)}>
<h2 id=${S(`batch-title`)}>This batch</h2>
${function(e){let n=o(e.entries);return n.length===0?f:t`<section class="needs-correcting AsiError" aria-labelledby=${`${e.uid}-corrections`}>
<h3 id=${`${e.uid}-corrections`}>Needs correcting: ${h(n.length)}</h3>
<ul>
${n.map(n=>t`<li>
<span>${p(n.amount)} from ${n.donor}: ${n.message??`refused by the gift service`}</span>
${y(e,n)}
</li>`)}
</ul>
</section>`}(v)}
<p class="batch-totals">
Entered: <strong>${h(b.count)}</strong>, <strong>${g(b.totalCents)}</strong>${b.refused?t`; <span class="Important">not counted: ${h(b.refused)} refused, to correct and resend</span>`:f}${x?t`; <span class="AsiWarning">${h(x)} waiting for the gift proxy (kept in this browser)</span>`:f}.
</p>
${function(e){let n=a(u(e.entries));return n.length<1?f:t`<ul class="fund-totals" aria-label="Totals by fund">
${n.map(n=>t`<li>${e.name(`distribution`,n.fund)||e.name(`campaignCode`,n.fund)||`No fund`}: ${h(n.count)},
${g(n.totalCents)}</li>`)}
</ul>`}(v)}
<div class="batch-expected">
${_(v,`count`,`Expected number of gifts`)} ${_(v,`total`,`Expected total ($)`)}
</div>
${function(e){let n=c(e.entries,e.header.expected);switch(n.kind){case`none`:return f;case`invalid`:return t`<p class="Important">Enter the expected count as a whole number and the total as an amount, like 1,234.50.</p>`;case`match`:return t`<p class="AsiSuccess batch-difference">Matches the stack in hand.</p>`;case`unresolved`:return t`<p class="AsiWarning batch-difference">
Count and total agree, but the batch is not done:
${n.refused?`${h(n.refused)} to correct and resend or withdraw`:d(e.entries).length?`${h(d(e.entries).length)} waiting for the gift proxy`:`a gift is held or needs attention`}.
</p>`;case`differs`:{let e=[];return n.count&&e.push(n.count>0?`${h(n.count)} still to enter`:`${h(-n.count)} more than expected`),n.totalCents&&e.push(n.totalCents>0?`${g(n.totalCents)} still to enter`:`${g(-n.totalCents)} more than expected`),t`<p class="AsiWarning batch-difference">Difference: ${e.join(`, `)}.</p>`}}}(v)} ${v.header.mode===`review`?v.forms?.postStep(v):f}
${v.entries.length===0?t`<p class="batch-empty">No gifts entered yet.</p>`:t`<table class="batch-table stacking">
<caption class="visually-hidden">
Gifts of this batch, newest first; fields marked “not the batch’s” differ from the batch’s defaults
</caption>
<thead>
<tr>
<th scope="col">Donor</th>
<th scope="col">Amount</th>
${i.map(e=>t`<th scope="col">${n[e]}</th>`)}
<th scope="col">Status</th>
<th scope="col">Transaction ID</th>
</tr>
</thead>
<tbody>
${v.entries.map(r=>{let a=s(r,C);return t`<tr class="status-${r.waiting?`waiting`:r.status??`kept`} ${a.length?`differs-row`:``}" data-id=${r.transactionId}>
<td data-label="Donor">${r.donor}</td>
<td data-label="Amount" class="amount">${p(r.amount)}</td>
${i.map(i=>function(r,i,a,o){let s=a===`receivedDate`?e(i.receivedDate):r.name(a,i[a]);return t`<td data-label=${n[a]} class=${o.includes(a)?`differs`:``}>
${s||`—`}${o.includes(a)?t` <span class="differs-tag">(not the batch’s)</span>`:f}
</td>`}(v,r,i,a))}
<td data-label="Status">
<span class="status">${(e=>e.withdrawn?`Withdrawn (not sent)`:e.waiting?`Waiting for the gift proxy`:e.status?m[e.status]:`In the batch (not sent yet)`)(r)}</span>
${r.message&&r.status!==`accepted`?t`<div class="status-message">${r.message}</div>`:f}
${y(v,r)}
</td>
<td data-label="Transaction ID"><code>${r.transactionId}</code></td>
</tr>`})}
</tbody>
</table>`}
</section>`}export{m as STATUS_WORDS,b as batchPanel};