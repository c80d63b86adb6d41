import{_ as e,a as t,c as n,d as r,f as i,h as a,p as o,s,u as c,v as l}from"./gift-entry.js";var u=e=>`${e} gift${e===1?``:`s`}`;function d(e,t){let n=e.lookups;return t===`distribution`?(n?.distributions??[]).map(e=>[e.Code,`${e.Title} (${e.Code})`]):((t===`campaignCode`?n?.campaigns:n?.appeals)??[]).map(e=>[e.Code,e.Description])}function f(n,r,i,a){let o=`${n.uid}-batch-${r}`,s=e=>n.onSetup(r,e.target.value),c=r===`distribution`||r===`campaignCode`||r===`appealCode`?l`<select id=${o} name="batch-${r}" class="InputLarge" ?disabled=${!n.lookups} @change=${s}>
<option value="">${n.lookups?`(none)`:`Loading…`}</option>
${d(n,r).map(([e,t])=>l`<option value=${e}>${t}</option>`)}
</select>`:l`<input
id=${o}
name="batch-${r}"
class="InputSmall"
autocomplete="off"
inputmode=${r===`count`?`numeric`:r===`total`?`decimal`:e}
aria-describedby=${a?`${o}-hint`:e}
@input=${s}
/>`;return t({id:o,label:i,...a?{hint:a}:{}},c)}function p(t){let n=!t.header;return l`<form
class="batch-setup"
novalidate
aria-labelledby="${t.uid}-batch-setup-title"
@submit=${e=>(e.preventDefault(),t.onSave())}
>
<h2 id="${t.uid}-batch-setup-title">${n?`Start a batch`:`Change the batch’s defaults`}</h2>
<p class="hint">
Every gift of the batch starts with these; a gift that needs another fund, campaign, appeal or date can change it for that gift
alone.${t.review?` Gifts are kept for review at the gift proxy and sent to iMIS only when you post the batch.`:` Each gift is sent to iMIS as soon as it is recorded.`}
</p>
${t.error?l`<p class="Important batch-setup-error" role="alert">${t.error}</p>`:e}
<div class="fields">
${f(t,`distribution`,o.distribution)} ${f(t,`campaignCode`,o.campaignCode)}
${f(t,`appealCode`,o.appealCode)}
${f(t,`receivedDate`,o.receivedDate,`Month/day/year; blank for the day each gift is entered`)}
${f(t,`count`,`Expected number of gifts`,`From the stack in hand`)}
${f(t,`total`,`Expected total ($)`,`The adding-machine total of the checks`)}
</div>
<div class="CommandBar">
<button type="submit" class="TextButton PrimaryButton" aria-disabled=${t.busy?`true`:`false`}>
${n?`Start batch`:`Save batch defaults`}
</button>
${n?e:l`<button type="button" class="TextButton" @click=${t.onCancel}>Cancel</button>`}
</div>
${n&&t.openBatches?.length?m(t):e}
</form>`}function m(e){return l`<section class="open-batches" aria-labelledby="${e.uid}-open-batches">
<h3 id="${e.uid}-open-batches">Or continue a batch kept open at the gift proxy</h3>
<ul>
${e.openBatches.map(t=>l`<li>
<span
>${t.name||`Opened ${new Date(t.openedAt).toLocaleString([],{dateStyle:`short`,timeStyle:`short`})}`}${t.openedBy?` by ${t.openedBy}`:``}: ${u(t.count)}, ${i(t.totalCents/100)}</span
>
<button type="button" class="TextButton" @click=${()=>e.onReopen(t.id)}>Continue this batch</button>
</li>`)}
</ul>
</section>`}function h(t){let{header:n}=t,r=s(t.entries);if(n.posted){let e=r.length>0&&r.every(e=>e.status===`accepted`);return l`<div class="CommandBar batch-post">
<p>${e?`Every gift of this batch is recorded in iMIS.`:`Posted: the gifts are on their way to iMIS.`}</p>
<button type="button" class="TextButton" @click=${t.onNewBatch}>Start a new batch</button>
</div>`}return l`<div class="batch-post">
<div class="CommandBar">
<button
type="button"
class="TextButton PrimaryButton"
id="${t.uid}-post"
aria-disabled=${t.busy||r.length===0?`true`:`false`}
@click=${t.onPost}
>
Post batch to iMIS (${u(r.length)})
</button>
</div>
${t.posting?l`<div class="AsiWarning post-anyway" tabindex="-1">
<p>
This batch does not match the stack in hand. Enter the missing gifts, correct the expected figures, or post it anyway
and say why (the reason is kept in the journal).
</p>
<div class="PanelField">
<label for="${t.uid}-post-reason" class="Required">Why post anyway</label>
<div class="PanelFieldValue">
${t.posting.error?l`<div id="${t.uid}-post-reason-error" class="Important">${t.posting.error}</div>`:e}
<textarea
id="${t.uid}-post-reason"
name="post-reason"
class="InputLarge"
rows="2"
maxlength="255"
aria-describedby=${t.posting.error?`${t.uid}-post-reason-error`:e}
@input=${e=>t.onReason(e.target.value)}
></textarea>
</div>
</div>
<button type="button" class="TextButton" @click=${t.onPostAnyway}>Post anyway</button>
</div>`:e}
</div>`}function g(e){let{gift:t}=e,o={...n()};for(let[e,n]of Object.entries(t))e in o&&(o[e]=String(n));o.amount=i(t.amount).slice(1),o.receivedDate=a(t.receivedDate??``);let s=e.record?.donor??(e.donorName&&t.imisId?r(e.donorName,t.imisId):c(t));return{transactionId:t.transactionId,amount:t.amount,donor:s,distribution:t.distribution??``,campaignCode:t.campaignCode??``,appealCode:t.appealCode??``,receivedDate:(t.receivedDate??``).slice(0,10),status:e.record?.status,message:e.record?.message,field:e.record?.field,at:e.addedAt,sent:{draft:o,transactionId:t.transactionId,sentAt:t.receivedDate?new Date(t.receivedDate).toISOString():e.addedAt,donor:e.donorName&&t.imisId?{id:t.imisId,name:e.donorName,email:t.emailAddress,city:``}:void 0,softCredit:void 0}}}function _(e){return e.gifts.map(g)}export{_ as batchRows,h as postStep,p as setupForm};