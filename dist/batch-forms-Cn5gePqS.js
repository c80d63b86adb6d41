import{C as e,E as t,T as n,b as r,c as i,d as a,f as o,o as s,s as c,v as l,x as u,y as d}from"./gift-entry.js";var f=e=>`${e} gift${e===1?``:`s`}`;function p(e,r,i,a){let o=`${e.uid}-batch-${r}`,c=t=>e.onSetup(r,t.target.value),l=r===`distribution`||r===`campaignCode`||r===`appealCode`?t`<select id=${o} name="batch-${r}" class="InputLarge" ?disabled=${!e.lookups} @change=${c}>
<option value="">${e.lookups?`(none)`:`Loading…`}</option>
${function(e,t){let n=e.lookups;return t===`distribution`?(n?.distributions??[]).map(e=>[e.Code,`${e.Title} (${e.Code})`]):((t===`campaignCode`?n?.campaigns:n?.appeals)??[]).map(e=>[e.Code,e.Description])}(e,r).map(([e,n])=>t`<option value=${e}>${n}</option>`)}
</select>`:t`<input
id=${o}
name="batch-${r}"
class="InputSmall"
autocomplete="off"
inputmode=${r===`count`?`numeric`:r===`total`?`decimal`:n}
aria-describedby=${a?`${o}-hint`:n}
@input=${c}
/>`;return s({id:o,label:i,...a?{hint:a}:{}},l)}function m(e){let i=!e.header;return t`<form
class="batch-setup"
novalidate
aria-labelledby="${e.uid}-batch-setup-title"
@submit=${t=>(t.preventDefault(),e.onSave())}
>
<h2 id="${e.uid}-batch-setup-title">${i?`Start a batch`:`Change the batch’s defaults`}</h2>
<p class="hint">
Every gift of the batch starts with these; a gift that needs another fund, campaign, appeal or date can change it for that gift
alone.${e.review?` Gifts are kept for review at the gift proxy and sent to iMIS only when you post the batch.`:` Each gift is sent to iMIS as soon as it is recorded.`}
</p>
${e.error?t`<p class="Important batch-setup-error" role="alert">${e.error}</p>`:n}
<div class="fields">
${p(e,`distribution`,u.distribution)} ${p(e,`campaignCode`,u.campaignCode)}
${p(e,`appealCode`,u.appealCode)}
${p(e,`receivedDate`,u.receivedDate,`Month/day/year; blank for the day each gift is entered`)}
${p(e,`count`,`Expected number of gifts`,`From the stack in hand`)}
${p(e,`total`,`Expected total ($)`,`The adding-machine total of the checks`)}
</div>
<div class="CommandBar">
<button type="submit" class="TextButton PrimaryButton" aria-disabled=${e.busy?`true`:`false`}>
${i?`Start batch`:`Save batch defaults`}
</button>
${i?n:t`<button type="button" class="TextButton" @click=${e.onCancel}>Cancel</button>`}
</div>
${i&&e.openBatches?.length?function(e){return t`<section class="open-batches" aria-labelledby="${e.uid}-open-batches">
<h3 id="${e.uid}-open-batches">Or continue a batch kept open at the gift proxy</h3>
<ul>
${e.openBatches.map(n=>t`<li>
<span
>${n.name||`Opened ${new Date(n.openedAt).toLocaleString([],{dateStyle:`short`,timeStyle:`short`})}`}${n.openedBy?` by ${n.openedBy}`:``}: ${f(n.count)}, ${r(n.totalCents/100)}</span
>
<button type="button" class="TextButton" @click=${()=>e.onReopen(n.id)}>Continue this batch</button>
</li>`)}
</ul>
</section>`}(e):n}
</form>`}function h(e){let{header:r}=e,o=i(e.entries);if(r.posted){let n=o.length>0&&o.every(e=>e.status===`accepted`);return t`<div class="CommandBar batch-post">
<p>${n?`Every gift of this batch is recorded in iMIS.`:`Posted: the gifts are on their way to iMIS.`}</p>
<button type="button" class="TextButton" @click=${e.onNewBatch}>Start a new batch</button>
</div>`}let s=a(e.entries).length;return t`<div class="batch-post">
${s?t`<p class="AsiWarning">
${f(s)} still ${s===1?`waits`:`wait`} in this browser for the gift proxy: post the batch once
${s===1?`it has`:`they have`} reached it (${s===1?`it goes`:`they go`} by
${s===1?`itself`:`themselves`}).
</p>`:n}
<div class="CommandBar">
<button
type="button"
class="TextButton PrimaryButton"
id="${e.uid}-post"
aria-disabled=${e.busy||o.length===0||s?`true`:`false`}
@click=${e.onPost}
>
Post batch to iMIS (${f(o.length)})
</button>
</div>
${e.posting?t`<div class="AsiWarning post-anyway" tabindex="-1">
<p>
This batch does not match the stack in hand. Enter the missing gifts, correct the expected figures, or post it anyway
and say why (the reason is kept in the journal).
</p>
<div class="PanelField">
<label for="${e.uid}-post-reason" class="Required">Why post anyway</label>
<div class="PanelFieldValue">
${e.posting.error?t`<div id="${e.uid}-post-reason-error" class="Important">${e.posting.error}</div>`:n}
<textarea
id="${e.uid}-post-reason"
name="post-reason"
class="InputLarge"
rows="2"
maxlength="255"
aria-describedby=${e.posting.error?`${e.uid}-post-reason-error`:n}
@input=${t=>e.onReason(t.target.value)}
></textarea>
</div>
</div>
<button type="button" class="TextButton" @click=${e.onPostAnyway}>Post anyway</button>
</div>`:n}
</div>`}function g(t){let{gift:n}=t,i={...o()};for(let[e,t]of Object.entries(n))e in i&&(i[e]=String(t));i.amount=r(n.amount).slice(1),i.receivedDate=e(n.receivedDate??``);let a=t.record?.donor??(t.donorName&&n.imisId?d(t.donorName,n.imisId):l(n));return{transactionId:n.transactionId,amount:n.amount,donor:a,distribution:n.distribution??``,campaignCode:n.campaignCode??``,appealCode:n.appealCode??``,receivedDate:(n.receivedDate??``).slice(0,10),status:t.record?.status,message:t.record?.message,field:t.record?.field,at:t.addedAt,sent:{draft:i,transactionId:n.transactionId,sentAt:n.receivedDate?new Date(n.receivedDate).toISOString():t.addedAt,donor:t.donorName&&n.imisId?{id:n.imisId,name:t.donorName,email:n.emailAddress,city:``}:void 0,softCredit:void 0}}}function _(e){return e.gifts.map(g)}async function v(e,t){let n=await e.batch.reload(t);return n.ok?e.editing=!1:e.error=n.error.message,e.changed(),n}async function y(e,t){let n=e.batch.header;if(!n?.id||e.busy)return;if(a(e.batch.entries).length)return{kind:`refused`};if(c(e.batch.entries,n.expected).kind!==`match`&&t===void 0)return e.posting={reason:e.posting?.reason??``,error:void 0},e.changed(),{kind:`ask`};if(t!==void 0&&t.trim()===``)return e.posting={reason:t,error:`Say why the batch is posted although it does not match the stack.`},e.changed(),{kind:`refused`};e.busy=!0;let r=await e.client().postBatch(n.id,{by:e.by(),reason:t?.trim()||void 0});return e.busy=!1,r.ok?(e.posting=void 0,await e.batch.adopt(r.value),e.changed(),{kind:`posted`,batch:r.value}):(e.posting={reason:t??``,error:r.error.message},e.changed(),{kind:`refused`})}export{_ as batchRows,y as post,h as postStep,v as reopen,m as setupForm};