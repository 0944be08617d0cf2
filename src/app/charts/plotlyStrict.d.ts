// Plotly's strict bundle (regl shaders precompiled, so no `new Function` under our CSP) ships no
// types; its API is the full bundle's, whose types plotly.js-dist-min carries.
declare module 'plotly.js-strict-dist-min' {
  import Plotly from 'plotly.js-dist-min';
  export default Plotly;
}
