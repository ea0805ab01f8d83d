// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

interface IDevnetV2Pair {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
}

/// @notice An aggregator-like router whose function no wallet decoder knows: it takes `amountIn`
/// of `tokenIn` from the caller (who approved it), pays it into a Uniswap V2 pair of `tokenIn` and
/// `tokenOut`, and has the pair deliver the bought `tokenOut` straight to the caller. It names both
/// tokens in its calldata, as real aggregators do, but in its own layout.
contract DevnetOpaqueRouter {
    error WrongPair();
    error TooLittleReceived(uint256 out, uint256 minOut);

    event Filled(address indexed taker, address tokenIn, address tokenOut, uint256 amountIn, uint256 amountOut);

    function fillOrderRoute(bytes32 routeId, address tokenIn, address tokenOut, address pair, uint256 amountIn, uint256 minOut)
        external
        returns (uint256 out)
    {
        routeId;
        bool inIsToken0;
        (out, inIsToken0) = _quote(tokenIn, tokenOut, pair, amountIn);
        if (out < minOut) revert TooLittleReceived(out, minOut);
        require(IERC20(tokenIn).transferFrom(msg.sender, pair, amountIn), "transfer failed");
        IDevnetV2Pair(pair).swap(inIsToken0 ? 0 : out, inIsToken0 ? out : 0, msg.sender, "");
        emit Filled(msg.sender, tokenIn, tokenOut, amountIn, out);
    }

    function _quote(address tokenIn, address tokenOut, address pair, uint256 amountIn) private view returns (uint256 out, bool inIsToken0) {
        IDevnetV2Pair p = IDevnetV2Pair(pair);
        inIsToken0 = p.token0() == tokenIn;
        if (!(inIsToken0 ? p.token1() == tokenOut : (p.token1() == tokenIn && p.token0() == tokenOut))) revert WrongPair();
        (uint112 reserve0, uint112 reserve1,) = p.getReserves();
        (uint256 reserveIn, uint256 reserveOut) = inIsToken0 ? (uint256(reserve0), uint256(reserve1)) : (uint256(reserve1), uint256(reserve0));
        uint256 inWithFee = amountIn * 997;
        out = (inWithFee * reserveOut) / (reserveIn * 1000 + inWithFee);
    }
}
