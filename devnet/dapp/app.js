// Demo dApp for the Sharekeep devnet: EIP-6963 discovery, a Uniswap V2 swap with hand-encoded
// calldata, and Permit2 / CoW typed-data signatures. Plain ES module, no dependencies.

const PERMIT2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
const COW_SETTLEMENT = '0x9008D19f58AAbD9eD0D60971565AA8510560ab41';
const $ = (id) => document.getElementById(id);

const state = { deployment: null, wallets: new Map(), provider: null, account: null };

function show(label, value) {
  $('result').textContent = `${label}\n${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`;
  $('result').dataset.status = label.startsWith('Error') ? 'error' : 'ok';
}

// ---- EIP-6963 ----
window.addEventListener('eip6963:announceProvider', (event) => {
  const { info, provider } = event.detail ?? {};
  if (!info?.uuid || !provider || state.wallets.has(info.uuid)) return;
  state.wallets.set(info.uuid, { info, provider });
  const select = $('wallet-select');
  if (state.wallets.size === 1) select.innerHTML = '';
  const option = document.createElement('option');
  option.value = info.uuid;
  option.textContent = `${info.name} (${info.rdns})`;
  select.append(option);
});
window.dispatchEvent(new Event('eip6963:requestProvider'));

function selectedProvider() {
  const wallet = state.wallets.get($('wallet-select').value) ?? [...state.wallets.values()][0];
  if (!wallet) throw new Error('No wallet announced itself through EIP-6963');
  return wallet.provider;
}

// ---- ABI encoding by hand ----
const word = (hex) => hex.replace(/^0x/, '').toLowerCase().padStart(64, '0');
const uint = (value) => word(BigInt(value).toString(16));
const address = (value) => word(value);

function encodeCall(selector, words) {
  return `0x${selector.replace(/^0x/, '')}${words.join('')}`;
}

/** swapExactTokensForTokens(uint256,uint256,address[],address,uint256): the path is a dynamic array. */
function encodeSwap(amountIn, amountOutMin, path, to, deadline) {
  const head = [uint(amountIn), uint(amountOutMin), uint(5 * 32), address(to), uint(deadline)];
  const tail = [uint(path.length), ...path.map(address)];
  return encodeCall('0x38ed1739', [...head, ...tail]);
}

function parseUnits(text, decimals) {
  const [whole, fraction = ''] = String(text).trim().split('.');
  if (!/^\d+$/.test(whole || '0') || !/^\d*$/.test(fraction) || fraction.length > decimals) {
    throw new Error(`"${text}" is not an amount with at most ${decimals} decimals`);
  }
  return BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}

// ---- wallet calls ----
async function request(method, params) {
  if (!state.provider) throw new Error('Connect a wallet first');
  return state.provider.request({ method, params });
}

async function sendTransaction(to, data) {
  const hash = await request('eth_sendTransaction', [{ from: state.account, to, data }]);
  show('Transaction sent, waiting for it to be mined', hash);
  for (let i = 0; i < 100; i++) {
    const receipt = await request('eth_getTransactionReceipt', [hash]);
    if (receipt) return { hash, status: receipt.status === '0x1' ? 'success' : 'reverted' };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { hash, status: 'pending' };
}

function swapSetup() {
  const { deployment } = state;
  const token = deployment.tokens.find((t) => t.address === $('token-select').value);
  const usdc = deployment.contracts.USDC;
  const buy = $('swap-direction').value === 'buy';
  const amountIn = parseUnits($('swap-amount').value, buy ? 6 : token.decimals);
  return { token, path: buy ? [usdc, token.address] : [token.address, usdc], amountIn };
}

async function chainTime() {
  const block = await request('eth_getBlockByNumber', ['latest', false]);
  return BigInt(block.timestamp);
}

// ---- buttons ----
const actions = {
  async connect() {
    state.provider = selectedProvider();
    const [account] = await state.provider.request({ method: 'eth_requestAccounts' });
    state.account = account;
    let chainId = await request('eth_chainId');
    if (Number(chainId) !== state.deployment.chainId) {
      await request('wallet_switchEthereumChain', [{ chainId: `0x${state.deployment.chainId.toString(16)}` }]);
      chainId = await request('eth_chainId');
    }
    $('account').textContent = account;
    $('chain').textContent = String(Number(chainId));
    show('Connected', { account, chainId: Number(chainId) });
  },

  async 'swap-approve'() {
    const { path, amountIn } = swapSetup();
    const data = encodeCall('0x095ea7b3', [address(state.deployment.contracts.UniswapV2Router02), uint(amountIn)]);
    show('Approve', await sendTransaction(path[0], data));
  },

  async swap() {
    const { path, amountIn } = swapSetup();
    const router = state.deployment.contracts.UniswapV2Router02;
    const quoteData = encodeCall('0xd06ca61f', [uint(amountIn), uint(64), uint(path.length), ...path.map(address)]);
    const quoted = await request('eth_call', [{ to: router, data: quoteData }, 'latest']);
    const amountOut = BigInt(`0x${quoted.slice(2 + 64 * 3, 2 + 64 * 4)}`);
    const minimumOut = (amountOut * 99n) / 100n;
    const deadline = (await chainTime()) + 600n;
    const result = await sendTransaction(router, encodeSwap(amountIn, minimumOut, path, state.account, deadline));
    show('Swap', { ...result, amountIn: amountIn.toString(), expectedOut: amountOut.toString() });
  },

  async 'sign-permit2'() {
    const { path, amountIn } = swapSetup();
    const typedData = {
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        PermitTransferFrom: [
          { name: 'permitted', type: 'TokenPermissions' },
          { name: 'spender', type: 'address' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
        TokenPermissions: [
          { name: 'token', type: 'address' },
          { name: 'amount', type: 'uint256' },
        ],
      },
      primaryType: 'PermitTransferFrom',
      domain: { name: 'Permit2', chainId: state.deployment.chainId, verifyingContract: PERMIT2 },
      message: {
        permitted: { token: path[0], amount: amountIn.toString() },
        spender: state.deployment.contracts.UniswapV2Router02,
        nonce: String(Date.now()),
        deadline: ((await chainTime()) + 1800n).toString(),
      },
    };
    const signature = await request('eth_signTypedData_v4', [state.account, JSON.stringify(typedData)]);
    show('Permit2 signature', { signature, typedData });
  },

  async 'sign-cow'() {
    const { path, amountIn } = swapSetup();
    const typedData = {
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'version', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        Order: [
          { name: 'sellToken', type: 'address' },
          { name: 'buyToken', type: 'address' },
          { name: 'receiver', type: 'address' },
          { name: 'sellAmount', type: 'uint256' },
          { name: 'buyAmount', type: 'uint256' },
          { name: 'validTo', type: 'uint32' },
          { name: 'appData', type: 'bytes32' },
          { name: 'feeAmount', type: 'uint256' },
          { name: 'kind', type: 'string' },
          { name: 'partiallyFillable', type: 'bool' },
          { name: 'sellTokenBalance', type: 'string' },
          { name: 'buyTokenBalance', type: 'string' },
        ],
      },
      primaryType: 'Order',
      domain: { name: 'Gnosis Protocol', version: 'v2', chainId: state.deployment.chainId, verifyingContract: COW_SETTLEMENT },
      message: {
        sellToken: path[0],
        buyToken: path[1],
        receiver: state.account,
        sellAmount: amountIn.toString(),
        buyAmount: '1',
        validTo: Number((await chainTime()) + 1800n),
        appData: `0x${'0'.repeat(64)}`,
        feeAmount: '0',
        kind: 'sell',
        partiallyFillable: false,
        sellTokenBalance: 'erc20',
        buyTokenBalance: 'erc20',
      },
    };
    const signature = await request('eth_signTypedData_v4', [state.account, JSON.stringify(typedData)]);
    show('CoW order signature', { signature, typedData });
  },
};

for (const [id, action] of Object.entries(actions)) {
  $(id).addEventListener('click', () => {
    action().catch((error) => show('Error', { code: error?.code, message: error?.message ?? String(error) }));
  });
}

async function loadDeployment() {
  const response = await fetch('/deployment.json');
  state.deployment = await response.json();
  const select = $('token-select');
  // The dApp swaps through the V2 router: only stocks with a V2 pair can be offered.
  for (const token of state.deployment.tokens.filter((t) => t.pair)) {
    const option = document.createElement('option');
    option.value = token.address;
    option.textContent = `${token.symbol} (${token.structure})`;
    select.append(option);
  }
}

loadDeployment().catch((error) => show('Error', `could not load /deployment.json: ${error.message}`));
