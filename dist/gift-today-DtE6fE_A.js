import{E as e,S as t,T as n,_ as r,a as i,b as a,n as o,t as s,w as c}from"./gift-entry.js";import{STATUS_WORDS as l}from"./batch-panel-CICSC9cN.js";var u=[...t,`status`,`message`,`enteredBy`,`createdAt`,`updatedAt`];function d(e){let t=e.map(e=>{let t={...e,...e.gift};return u.map(e=>function(e){let t=e==null?``:String(e);return/^[=+\-@\t\r]/.test(t)&&typeof e!=`number`&&(t=`'${t}`),/[",\r\n]/.test(t)?`"${t.replace(/"/g,`""`)}"`:t}(t[e])).join(`,`)});return`${[u.join(`,`),...t].join(`\r
`)}\r\n`}var f=Object.values(i),p=class extends c{static{this.properties={endpoint:{type:String},key:{type:String},gifts:{state:!0},error:{state:!0},status:{state:!0}}}constructor(){super(),this.refresh=()=>{this.load()},this.endpoint=``,this.key=``,this.gifts=void 0,this.error=void 0,this.status=``}connectedCallback(){super.connectedCallback();for(let e of f)document.addEventListener(e,this.refresh);this.load()}disconnectedCallback(){super.disconnectedCallback();for(let e of f)document.removeEventListener(e,this.refresh)}async load(){let e=/* @__PURE__ */ new Date;e.setHours(0,0,0,0);let t=await new s((this.endpoint||o).replace(/\/+$/,``),this.key,this).journal(e);t.ok?(this.gifts=t.value.gifts,this.error=void 0):this.error=t.error.message}download(e){let t=document.createElement(`a`);t.href=URL.createObjectURL(new Blob([d(e)],{type:`text/csv;charset=utf-8`})),t.download=`gifts-${(/* @__PURE__ */ new Date()).toISOString().slice(0,10)}${this.status?`-${this.status}`:``}.csv`,t.click(),setTimeout(()=>URL.revokeObjectURL(t.href),1e4)}render(){let t=(this.gifts??[]).filter(e=>!this.status||e.status===this.status),{funds:i,overall:o}=function(e){let t=/* @__PURE__ */ new Map;for(let n of e){let e=t.get(n.distribution)??{count:0,cents:0};e.count++,e.cents+=Math.round(100*n.amount),t.set(n.distribution,e)}let n=[...t].map(([e,{count:t,cents:n}])=>({fund:e,count:t,total:n/100})).sort((e,t)=>e.fund.localeCompare(t.fund));return{funds:n,overall:n.reduce((e,t)=>({fund:`All funds`,count:e.count+t.count,total:Math.round(100*(e.total+t.total))/100}),{fund:`All funds`,count:0,total:0})}}(t),s=`gift-today-status`;return e`<section class="today" aria-labelledby="gift-today-title">
<h2 id="gift-today-title">Today’s gifts</h2>
${this.error?e`<div class="AsiError"><p>${this.error}</p></div>`:n}
<div class="CommandBar">
<div class="PanelField">
<label for=${s}>Show</label>
<div class="PanelFieldValue">
<select
id=${s}
class="InputMedium"
@change=${e=>this.status=e.target.value}
>
<option value="">All gifts</option>
${r.map(t=>e`<option value=${t} ?selected=${t===this.status}>${l[t]}</option>`)}
</select>
</div>
</div>
<button type="button" class="TextButton" @click=${this.refresh}>Refresh</button>
<button type="button" class="TextButton PrimaryButton" ?disabled=${t.length===0} @click=${()=>this.download(t)}>
Download CSV
</button>
</div>
<!-- Not a live region: it changes with every gift recorded elsewhere on the page, which <gift-entry> already spoke once. -->
<p class="today-count">${this.gifts?`${o.count} gift${o.count===1?``:`s`}, ${a(o.total)}`:`Loading today’s gifts…`}</p>
${i.length?e`<table class="today-totals">
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
${i.map(t=>e`<tr>
<th scope="row">${t.fund}</th>
<td>${t.count}</td>
<td class="amount">${a(t.total)}</td>
</tr>`)}
</tbody>
<tfoot>
<tr>
<th scope="row">All funds</th>
<td>${o.count}</td>
<td class="amount">${a(o.total)}</td>
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
${t.map(t=>e`<tr class="status-${t.status}">
<td data-label="Time">
${new Date(t.createdAt).toLocaleTimeString([],{hour:`2-digit`,minute:`2-digit`})}
</td>
<td data-label="Donor">${t.donor}</td>
<td data-label="Amount" class="amount">${a(t.amount)}</td>
<td data-label="Fund">${t.distribution}</td>
<td data-label="Transaction ID"><code>${t.transactionId}</code></td>
<td data-label="Status">
<span class="status">${l[t.status]}</span
>${t.message&&t.status!==`accepted`?e`<div>${t.message}</div>`:n}
</td>
<td data-label="Entered by">${t.enteredBy??``}</td>
</tr>`)}
</tbody>
</table>`:this.gifts?e`<p>No gifts${this.status?` with status “${l[this.status]}”`:``} today.</p>`:n}
</section>`}};customElements.get(`gift-today`)||customElements.define(`gift-today`,p);export{p as GiftToday};