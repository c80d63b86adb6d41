import{C as e,T as t,g as n,i as r,n as i,t as a,w as o,x as s,y as c}from"./gift-entry.js";import{STATUS_WORDS as l}from"./batch-panel-Dcex7p9o.js";var u=[...s,`status`,`message`,`enteredBy`,`createdAt`,`updatedAt`];function d(e){let t=e.map(e=>{let t={...e,...e.gift};return u.map(e=>function(e){let t=e==null?``:String(e);return/^[=+\-@\t\r]/.test(t)&&typeof e!=`number`&&(t=`'${t}`),/[",\r\n]/.test(t)?`"${t.replace(/"/g,`""`)}"`:t}(t[e])).join(`,`)});return`${[u.join(`,`),...t].join(`\r
`)}\r\n`}var f=Object.values(r),p=class extends e{static{this.properties={endpoint:{type:String},key:{type:String},gifts:{state:!0},error:{state:!0},status:{state:!0}}}constructor(){super(),this.refresh=()=>{this.load()},this.endpoint=``,this.key=``,this.gifts=void 0,this.error=void 0,this.status=``}connectedCallback(){super.connectedCallback();for(let e of f)document.addEventListener(e,this.refresh);this.load()}disconnectedCallback(){super.disconnectedCallback();for(let e of f)document.removeEventListener(e,this.refresh)}async load(){let e=/* @__PURE__ */ new Date;e.setHours(0,0,0,0);let t=await new a((this.endpoint||i).replace(/\/+$/,``),this.key).journal(e);t.ok?(this.gifts=t.value.gifts,this.error=void 0):this.error=t.error.message}download(e){let t=document.createElement(`a`);t.href=URL.createObjectURL(new Blob([d(e)],{type:`text/csv;charset=utf-8`})),t.download=`gifts-${(/* @__PURE__ */ new Date()).toISOString().slice(0,10)}${this.status?`-${this.status}`:``}.csv`,t.click(),setTimeout(()=>URL.revokeObjectURL(t.href),1e4)}render(){let e=(this.gifts??[]).filter(e=>!this.status||e.status===this.status),{funds:r,overall:i}=function(e){let t=/* @__PURE__ */ new Map;for(let n of e){let e=t.get(n.distribution)??{count:0,cents:0};e.count++,e.cents+=Math.round(100*n.amount),t.set(n.distribution,e)}let n=[...t].map(([e,{count:t,cents:n}])=>({fund:e,count:t,total:n/100})).sort((e,t)=>e.fund.localeCompare(t.fund));return{funds:n,overall:n.reduce((e,t)=>({fund:`All funds`,count:e.count+t.count,total:Math.round(100*(e.total+t.total))/100}),{fund:`All funds`,count:0,total:0})}}(e),a=`gift-today-status`;return t`<section class="today" aria-labelledby="gift-today-title">
<h2 id="gift-today-title">Today’s gifts</h2>
${this.error?t`<div class="AsiError"><p>${this.error}</p></div>`:o}
<div class="CommandBar">
<div class="PanelField">
<label for=${a}>Show</label>
<div class="PanelFieldValue">
<select
id=${a}
class="InputMedium"
@change=${e=>this.status=e.target.value}
>
<option value="">All gifts</option>
${n.map(e=>t`<option value=${e} ?selected=${e===this.status}>${l[e]}</option>`)}
</select>
</div>
</div>
<button type="button" class="TextButton" @click=${this.refresh}>Refresh</button>
<button type="button" class="TextButton PrimaryButton" ?disabled=${e.length===0} @click=${()=>this.download(e)}>
Download CSV
</button>
</div>
<!-- Not a live region: it changes with every gift recorded elsewhere on the page, which <gift-entry> already spoke once. -->
<p class="today-count">${this.gifts?`${i.count} gift${i.count===1?``:`s`}, ${c(i.total)}`:`Loading today’s gifts…`}</p>
${r.length?t`<table class="today-totals">
<caption>
Totals by fund
</caption>
<thead>
<tr>
<th scope="col">Fund</th>
<th scope="col">Gifts</th>
<th scope="col">Total</th>
</tr>
</thead>
<tbody>
${r.map(e=>t`<tr>
<th scope="row">${e.fund}</th>
<td>${e.count}</td>
<td class="amount">${c(e.total)}</td>
</tr>`)}
</tbody>
<tfoot>
<tr>
<th scope="row">All funds</th>
<td>${i.count}</td>
<td class="amount">${c(i.total)}</td>
</tr>
</tfoot>
</table>
<table class="today-gifts stacking">
<caption>
Gifts, newest first
</caption>
<thead>
<tr>
<th scope="col">Time</th>
<th scope="col">Donor</th>
<th scope="col">Amount</th>
<th scope="col">Fund</th>
<th scope="col">Transaction ID</th>
<th scope="col">Status</th>
<th scope="col">Entered by</th>
</tr>
</thead>
<tbody>
${e.map(e=>t`<tr class="status-${e.status}">
<td data-label="Time">
${new Date(e.createdAt).toLocaleTimeString([],{hour:`2-digit`,minute:`2-digit`})}
</td>
<td data-label="Donor">${e.donor}</td>
<td data-label="Amount" class="amount">${c(e.amount)}</td>
<td data-label="Fund">${e.distribution}</td>
<td data-label="Transaction ID"><code>${e.transactionId}</code></td>
<td data-label="Status">
<span class="status">${l[e.status]}</span
>${e.message&&e.status!==`accepted`?t`<div>${e.message}</div>`:o}
</td>
<td data-label="Entered by">${e.enteredBy??``}</td>
</tr>`)}
</tbody>
</table>`:this.gifts?t`<p>No gifts${this.status?` with status “${l[this.status]}”`:``} today.</p>`:o}
</section>`}};customElements.get(`gift-today`)||customElements.define(`gift-today`,p);export{p as GiftToday};