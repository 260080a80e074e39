import { render } from 'preact';

render(<p>Netra</p>, document.getElementById('app')!);
