import{a as e,c as t,d as n,f as r,g as i,l as a,m as o,p as s,s as c,v as l,y as u}from"./gift-entry.js";var d=e=>`${e} gift${e===1?``:`s`}`;function f(t,n,r,i){let a=`${t.uid}-batch-${n}`,o=e=>t.onSetup(n,e.target.value),s=n===`distribution`||n===`campaignCode`||n===`appealCode`?u`<select id=${a} name="batch-${n}" class="InputLarge" ?disabled=${!t.lookups} @change=${o}>
<option value="">${t.lookups?`(none)`:`Loading…`}</option>
${function(e,t){let n=e.lookups;return t===`distribution`?(n?.distributions??[]).map(e=>[e.Code,`${e.Title} (${e.Code})`]):((t===`campaignCode`?n?.campaigns:n?.appeals)??[]).map(e=>[e.Code,e.Description])}(t,n).map(([e,t])=>u`<option value=${e}>${t}</option>`)}
</select>`:u`<input
id=${a}
name="batch-${n}"
class="InputSmall"
autocomplete="off"
inputmode=${n===`count`?`numeric`:n===`total`?`decimal`:l}
aria-describedby=${i?`${a}-hint`:l}
@input=${o}
/>`;return e({id:a,label:r,...i?{hint:i}:{}},s)}function p(e){let t=!e.header;return u`<form
class="batch-setup"
novalidate
aria-labelledby="${e.uid}-batch-setup-title"
@submit=${t=>(t.preventDefault(),e.onSave())}
>
<h2 id="${e.uid}-batch-setup-title">${t?`Start a batch`:`Change the batch’s defaults`}</h2>
<p class="hint">
Every gift of the batch starts with these; a gift that needs another fund, campaign, appeal or date can change it for that gift
alone.${e.review?` Gifts are kept for review at the gift proxy and sent to iMIS only when you post the batch.`:` Each gift is sent to iMIS as soon as it is recorded.`}
</p>
${e.error?u`<p class="Important batch-setup-error" role="alert">${e.error}</p>`:l}
<div class="fields">
${f(e,`distribution`,o.distribution)} ${f(e,`campaignCode`,o.campaignCode)}
${f(e,`appealCode`,o.appealCode)}
${f(e,`receivedDate`,o.receivedDate,`Month/day/year; blank for the day each gift is entered`)}
${f(e,`count`,`Expected number of gifts`,`From the stack in hand`)}
${f(e,`total`,`Expected total ($)`,`The adding-machine total of the checks`)}
</div>
<div class="CommandBar">
<button type="submit" class="TextButton PrimaryButton" aria-disabled=${e.busy?`true`:`false`}>
${t?`Start batch`:`Save batch defaults`}
</button>
${t?l:u`<button type="button" class="TextButton" @click=${e.onCancel}>Cancel</button>`}
</div>
${t&&e.openBatches?.length?function(e){return u`<section class="open-batches" aria-labelledby="${e.uid}-open-batches">
<h3 id="${e.uid}-open-batches">Or continue a batch kept open at the gift proxy</h3>
<ul>
${e.openBatches.map(t=>u`<li>
<span
>${t.name||`Opened ${new Date(t.openedAt).toLocaleString([],{dateStyle:`short`,timeStyle:`short`})}`}${t.openedBy?` by ${t.openedBy}`:``}: ${d(t.count)}, ${s(t.totalCents/100)}</span
>
<button type="button" class="TextButton" @click=${()=>e.onReopen(t.id)}>Continue this batch</button>
</li>`)}
</ul>
</section>`}(e):l}
</form>`}function m(e){let{header:n}=e,r=t(e.entries);if(n.posted){let t=r.length>0&&r.every(e=>e.status===`accepted`);return u`<div class="CommandBar batch-post">
<p>${t?`Every gift of this batch is recorded in iMIS.`:`Posted: the gifts are on their way to iMIS.`}</p>
<button type="button" class="TextButton" @click=${e.onNewBatch}>Start a new batch</button>
</div>`}return u`<div class="batch-post">
<div class="CommandBar">
<button
type="button"
class="TextButton PrimaryButton"
id="${e.uid}-post"
aria-disabled=${e.busy||r.length===0?`true`:`false`}
@click=${e.onPost}
>
Post batch to iMIS (${d(r.length)})
</button>
</div>
${e.posting?u`<div class="AsiWarning post-anyway" tabindex="-1">
<p>
This batch does not match the stack in hand. Enter the missing gifts, correct the expected figures, or post it anyway
and say why (the reason is kept in the journal).
</p>
<div class="PanelField">
<label for="${e.uid}-post-reason" class="Required">Why post anyway</label>
<div class="PanelFieldValue">
${e.posting.error?u`<div id="${e.uid}-post-reason-error" class="Important">${e.posting.error}</div>`:l}
<textarea
id="${e.uid}-post-reason"
name="post-reason"
class="InputLarge"
rows="2"
maxlength="255"
aria-describedby=${e.posting.error?`${e.uid}-post-reason-error`:l}
@input=${t=>e.onReason(t.target.value)}
></textarea>
</div>
</div>
<button type="button" class="TextButton" @click=${e.onPostAnyway}>Post anyway</button>
</div>`:l}
</div>`}function h(e){let{gift:t}=e,o={...a()};for(let[e,n]of Object.entries(t))e in o&&(o[e]=String(n));o.amount=s(t.amount).slice(1),o.receivedDate=i(t.receivedDate??``);let c=e.record?.donor??(e.donorName&&t.imisId?r(e.donorName,t.imisId):n(t));return{transactionId:t.transactionId,amount:t.amount,donor:c,distribution:t.distribution??``,campaignCode:t.campaignCode??``,appealCode:t.appealCode??``,receivedDate:(t.receivedDate??``).slice(0,10),status:e.record?.status,message:e.record?.message,field:e.record?.field,at:e.addedAt,sent:{draft:o,transactionId:t.transactionId,sentAt:t.receivedDate?new Date(t.receivedDate).toISOString():e.addedAt,donor:e.donorName&&t.imisId?{id:t.imisId,name:e.donorName,email:t.emailAddress,city:``}:void 0,softCredit:void 0}}}function g(e){return e.gifts.map(h)}async function _(e,t){let n=await e.batch.reload(t);return n.ok?e.editing=!1:e.error=n.error.message,e.changed(),n}async function v(e,t){let n=e.batch.header;if(!n?.id||e.busy)return;if(c(e.batch.entries,n.expected).kind!==`match`&&t===void 0)return e.posting={reason:e.posting?.reason??``,error:void 0},e.changed(),{kind:`ask`};if(t!==void 0&&t.trim()===``)return e.posting={reason:t,error:`Say why the batch is posted although it does not match the stack.`},e.changed(),{kind:`refused`};e.busy=!0;let r=await e.client().postBatch(n.id,{by:e.by(),reason:t?.trim()||void 0});return e.busy=!1,r.ok?(e.posting=void 0,await e.batch.adopt(r.value),e.changed(),{kind:`posted`,batch:r.value}):(e.posting={reason:t??``,error:r.error.message},e.changed(),{kind:`refused`})}export{g as batchRows,v as post,m as postStep,_ as reopen,p as setupForm};