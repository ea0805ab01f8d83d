// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";
import {RebasingStock, ITransferRestrictor} from "./RebasingStock.sol";

/// @notice Devnet model of Dinari's WrappedDShare: an ERC-4626 vault over one dShare, whose
/// asset() is how the factory finds the dShare it wraps.
contract WrappedDShare is ERC4626 {
    constructor(IERC20 dShare, string memory name_, string memory symbol_) ERC20(name_, symbol_) ERC4626(dShare) {}
}

/// @notice Devnet model of Dinari's DShareFactory, with the interface of sbt-contracts v0.4.0
/// (https://github.com/dinaricrypto/sbt-contracts/blob/main/src/DShareFactory.sol): the owner
/// creates a dShare and its wrapper together, or announces an existing pair; getDShares() lists
/// every dShare (as each wrapper's asset) with its wrapper. Devnet difference: the dShare and the
/// wrapper are deployed directly rather than as beacon proxies, and the factory is not upgradeable.
contract DShareFactory is Ownable {
    using EnumerableSet for EnumerableSet.AddressSet;

    error ZeroAddress();
    error Mismatch();
    error PreviouslyAnnounced();

    event DShareAdded(address indexed dShare, address indexed wrappedDShare, string indexed symbol, string name);
    event NewTransferRestrictorSet(address indexed transferRestrictor);

    address private _transferRestrictor;
    EnumerableSet.AddressSet private _dShares;
    EnumerableSet.AddressSet private _wrappedDShares;

    constructor(address owner_, address transferRestrictor_) Ownable(owner_) {
        if (transferRestrictor_ == address(0)) revert ZeroAddress();
        _transferRestrictor = transferRestrictor_;
    }

    function getTransferRestrictor() external view returns (address) {
        return _transferRestrictor;
    }

    function setNewTransferRestrictor(address transferRestrictor_) external onlyOwner {
        if (transferRestrictor_ == address(0)) revert ZeroAddress();
        _transferRestrictor = transferRestrictor_;
        emit NewTransferRestrictorSet(transferRestrictor_);
    }

    function isTokenDShare(address token) external view returns (bool) {
        return _dShares.contains(token);
    }

    function isTokenWrappedDShare(address token) external view returns (bool) {
        return _wrappedDShares.contains(token);
    }

    /// @return dShares every dShare, read from each wrapper's asset(); wrappedDShares their wrappers, in the same order
    function getDShares() external view returns (address[] memory, address[] memory) {
        address[] memory wrapped = _wrappedDShares.values();
        address[] memory dShares = new address[](wrapped.length);
        for (uint256 i = 0; i < wrapped.length; i++) {
            dShares[i] = WrappedDShare(wrapped[i]).asset();
        }
        return (dShares, wrapped);
    }

    function createDShare(
        address owner,
        string memory name,
        string memory symbol,
        string memory wrappedName,
        string memory wrappedSymbol
    ) external onlyOwner returns (address dShare, address wrappedDShare) {
        dShare = address(new RebasingStock(name, symbol, owner, ITransferRestrictor(_transferRestrictor)));
        wrappedDShare = address(new WrappedDShare(IERC20(dShare), wrappedName, wrappedSymbol));
        _dShares.add(dShare);
        _wrappedDShares.add(wrappedDShare);
        assert(_dShares.length() == _wrappedDShares.length());
        emit DShareAdded(dShare, wrappedDShare, symbol, name);
    }

    function announceExistingDShare(address dShare, address wrappedDShare) external onlyOwner {
        if (WrappedDShare(wrappedDShare).asset() != dShare) revert Mismatch();
        if (!_dShares.add(dShare)) revert PreviouslyAnnounced();
        if (!_wrappedDShares.add(wrappedDShare)) revert PreviouslyAnnounced();
        assert(_dShares.length() == _wrappedDShares.length());
        emit DShareAdded(dShare, wrappedDShare, IERC20Metadata(dShare).symbol(), IERC20Metadata(dShare).name());
    }
}
