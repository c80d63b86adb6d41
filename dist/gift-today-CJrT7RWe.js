import{_ as e,f as t,g as n,i as r,l as i,m as a,n as o,o as s,t as c,v as l}from"./gift-entry.js";var u=[...a,`status`,`message`,`enteredBy`,`createdAt`,`updatedAt`];function d(e){let t=e==null?``:String(e);return/^[=+\-@\t\r]/.test(t)&&typeof e!=`number`&&(t=`'${t}`),/[",\r\n]/.test(t)?`"${t.replace(/"/g,`""`)}"`:t}function f(e){let t=e.map(e=>{let t={...e,...e.gift};return u.map(e=>d(t[e])).join(`,`)});return`${[u.join(`,`),...t].join(`\r
`)}\r\n`}function p(e){let t=/* @__PURE__ */ new Map;for(let n of e){let e=t.get(n.distribution)??{count:0,cents:0};e.count++,e.cents+=Math.round(n.amount*100),t.set(n.distribution,e)}let n=[...t].map(([e,{count:t,cents:n}])=>({fund:e,count:t,total:n/100})).sort((e,t)=>e.fund.localeCompare(t.fund));return{funds:n,overall:n.reduce((e,t)=>({fund:`All funds`,count:e.count+t.count,total:Math.round((e.total+t.total)*100)/100}),{fund:`All funds`,count:0,total:0})}}var m=Object.values(r),h=class extends n{static{this.properties={endpoint:{type:String},key:{type:String},gifts:{state:!0},error:{state:!0},status:{state:!0}}}constructor(){super(),this.refresh=()=>void this.load(),this.endpoint=``,this.key=``,this.gifts=void 0,this.error=void 0,this.status=``}connectedCallback(){super.connectedCallback();for(let e of m)document.addEventListener(e,this.refresh);this.load()}disconnectedCallback(){super.disconnectedCallback();for(let e of m)document.removeEventListener(e,this.refresh)}async load(){let e=/* @__PURE__ */ new Date;e.setHours(0,0,0,0);let t=await new c((this.endpoint||o).replace(/\/+$/,``),this.key).journal(e);t.ok?(this.gifts=t.value.gifts,this.error=void 0):this.error=t.error.message}download(e){let t=document.createElement(`a`);t.href=URL.createObjectURL(new Blob([f(e)],{type:`text/csv;charset=utf-8`})),t.download=`gifts-${(/* @__PURE__ */ new Date()).toISOString().slice(0,10)}${this.status?`-${this.status}`:``}.csv`,t.click(),setTimeout(()=>URL.revokeObjectURL(t.href),1e4)}render(){let n=(this.gifts??[]).filter(e=>!this.status||e.status===this.status),{funds:r,overall:a}=p(n),o=`gift-today-status`;return l`<section class="today" aria-labelledby="gift-today-title">
<h2 id="gift-today-title">Today’s gifts</h2>
${this.error?l`<div class="AsiError"><p>${this.error}</p></div>`:e}
<div class="CommandBar">
<div class="PanelField">
<label for=${o}>Show</label>
<div class="PanelFieldValue">
<select
id=${o}
class="InputMedium"
@change=${e=>this.status=e.target.value}
>
<option value="">All gifts</option>
${i.map(e=>l`<option value=${e} ?selected=${e===this.status}>${s[e]}</option>`)}
</select>
</div>
</div>
<button type="button" class="TextButton" @click=${this.refresh}>Refresh</button>
<button type="button" class="TextButton PrimaryButton" ?disabled=${n.length===0} @click=${()=>this.download(n)}>
Download CSV
</button>
</div>
<!-- Not a live region: it changes with every gift recorded elsewhere on the page, which <gift-entry> already spoke once. -->
<p class="today-count">${this.gifts?`${a.count} gift${a.count===1?``:`s`}, ${t(a.total)}`:`Loading today’s gifts…`}</p>
${r.length?l`<table class="today-totals">
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
${r.map(e=>l`<tr>
<th scope="row">${e.fund}</th>
<td>${e.count}</td>
<td class="amount">${t(e.total)}</td>
</tr>`)}
</tbody>
<tfoot>
<tr>
<th scope="row">All funds</th>
<td>${a.count}</td>
<td class="amount">${t(a.total)}</td>
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
${n.map(n=>l`<tr class="status-${n.status}">
<td data-label="Time">
${new Date(n.createdAt).toLocaleTimeString([],{hour:`2-digit`,minute:`2-digit`})}
</td>
<td data-label="Donor">${n.donor}</td>
<td data-label="Amount" class="amount">${t(n.amount)}</td>
<td data-label="Fund">${n.distribution}</td>
<td data-label="Transaction ID"><code>${n.transactionId}</code></td>
<td data-label="Status">
<span class="status">${s[n.status]}</span
>${n.message&&n.status!==`accepted`?l`<div>${n.message}</div>`:e}
</td>
<td data-label="Entered by">${n.enteredBy??``}</td>
</tr>`)}
</tbody>
</table>`:this.gifts?l`<p>No gifts${this.status?` with status “${s[this.status]}”`:``} today.</p>`:e}
</section>`}};customElements.get(`gift-today`)||customElements.define(`gift-today`,h);export{h as GiftToday};